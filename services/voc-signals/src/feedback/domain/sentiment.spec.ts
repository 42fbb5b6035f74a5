import { generate } from '@foresight/datagen';
import { scoreSentiment } from './sentiment';
import { SENTIMENT_LEXICON } from './sentiment-lexicon';

describe('scoreSentiment', () => {
  it('reads a cancellation threat as clearly negative, with frustration-side emotions', () => {
    const r = scoreSentiment('Support has been terrible and we are considering cancelling.');
    expect(r.score).toBeLessThan(-0.6);
    expect(r.label).toBe('negative');
    expect(r.contributions.map((c) => c.term)).toEqual(['terrible', 'cancelling']);
    expect(r.emotions).toEqual(['frustration']);
  });

  it('reads praise as clearly positive, with joy', () => {
    const r = scoreSentiment('Love the new dark mode! The team is really happy with the dashboards.');
    expect(r.score).toBeGreaterThan(0.6);
    expect(r.emotions[0]).toBe('joy');
  });

  it('is neutral for a factual comment', () => {
    const r = scoreSentiment('We use it for contacts and deals. Renewal is handled by finance.');
    expect(r.label).toBe('neutral');
    expect(r.score).toBe(0);
  });

  it('flips and dampens negated words', () => {
    expect(scoreSentiment('The support was helpful').score).toBeGreaterThan(0.3);
    const notHelpful = scoreSentiment('The support was not helpful').score;
    expect(notHelpful).toBeLessThan(0);
    expect(Math.abs(notHelpful)).toBeLessThan(scoreSentiment('The support was helpful').score);
    expect(scoreSentiment("Honestly it isn't bad").score).toBeGreaterThan(0);
    expect(scoreSentiment('Never had a single crash').score).toBeGreaterThan(0);
  });

  it('stops negation at punctuation', () => {
    expect(scoreSentiment('No. It is great').score).toBeGreaterThan(0.3);
  });

  it('strengthens with intensifiers and softens with diminishers', () => {
    const plain = scoreSentiment('The app is slow').score;
    expect(scoreSentiment('The app is extremely slow').score).toBeLessThan(plain);
    expect(scoreSentiment('The app is a bit slow').score).toBeGreaterThan(plain);
    expect(scoreSentiment('The app is slightly slow').score).toBeGreaterThan(plain);
  });

  it('weighs what follows "but" more than what precedes it', () => {
    expect(scoreSentiment('Good product but support is terrible').score).toBeLessThan(-0.2);
    expect(scoreSentiment('Support was slow but the product is excellent').score).toBeGreaterThan(0.2);
  });

  it('reads two-word phrases as one', () => {
    const r = scoreSentiment('Honestly we feel let down by the last release');
    expect(r.contributions.map((c) => c.term)).toEqual(['let down']);
    expect(r.label).toBe('negative');
  });

  it('treats shouting and exclamation marks as stronger feeling', () => {
    expect(scoreSentiment('This is TERRIBLE').score).toBeLessThan(scoreSentiment('This is terrible').score);
    expect(scoreSentiment('This is terrible!!!').score).toBeLessThan(
      scoreSentiment('This is terrible').score,
    );
  });

  it('labels emotions, skipping negated cues', () => {
    expect(scoreSentiment('This is unacceptable, I am furious').emotions[0]).toBe('anger');
    expect(scoreSentiment('We are worried about the security risk').emotions).toContain('fear');
    expect(scoreSentiment('I am not happy').emotions).not.toContain('joy');
  });

  it('stays within −1..1 however long the rant', () => {
    const rant = Array.from({ length: 50 }, () => 'terrible awful broken useless').join(' ');
    expect(scoreSentiment(rant).score).toBeGreaterThanOrEqual(-1);
    expect(scoreSentiment(rant).score).toBeLessThan(-0.99);
  });

  it('has a lexicon of a few hundred words, all within −4..4', () => {
    const entries = Object.entries(SENTIMENT_LEXICON);
    expect(entries.length).toBeGreaterThan(300);
    expect(entries.every(([, v]) => v >= -4 && v <= 4 && v !== 0)).toBe(true);
  });

  it('agrees with the NPS answers of generated feedback: detractor comments score below promoter comments', () => {
    const { feedback } = generate({ seed: 'voc', accounts: 200, weeks: 26, now: '2025-06-16T00:00:00Z' });
    const nps = feedback.filter((f) => f.channel === 'nps');
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const detractors = mean(nps.filter((f) => (f.score ?? 0) <= 6).map((f) => scoreSentiment(f.text).score));
    const promoters = mean(nps.filter((f) => (f.score ?? 0) >= 9).map((f) => scoreSentiment(f.text).score));
    expect(detractors).toBeLessThan(-0.3);
    expect(promoters).toBeGreaterThan(0.3);
  });
});
