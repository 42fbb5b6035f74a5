import { DomainError } from '@foresight/domain';
import { analyseFeedback, rollSentiment } from './feedback-analysis';
import { npsCategory, npsOf } from './nps';

describe('npsCategory', () => {
  it('classifies 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    expect([0, 3, 6, 7, 8, 9, 10].map(npsCategory)).toEqual([
      'detractor',
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('refuses anything but an integer 0–10', () => {
    for (const bad of [-1, 11, 7.5, Number.NaN]) {
      expect(() => npsCategory(bad)).toThrow(DomainError);
    }
    expect(() => npsCategory(11)).toThrow(expect.objectContaining({ code: 'FEEDBACK.INVALID_NPS_SCORE' }));
  });
});

describe('npsOf', () => {
  it('is %promoters − %detractors', () => {
    // 5 promoters, 3 passives, 2 detractors of 10 → 50 % − 20 % = 30
    expect(npsOf([10, 9, 9, 10, 9, 7, 8, 8, 3, 6])).toEqual({
      responses: 10,
      promoters: 5,
      passives: 3,
      detractors: 2,
      nps: 30,
    });
  });

  it('spans −100 to 100 and is null without responses', () => {
    expect(npsOf([0, 5, 6]).nps).toBe(-100);
    expect(npsOf([9, 10]).nps).toBe(100);
    expect(npsOf([]).nps).toBeNull();
  });
});

describe('analyseFeedback', () => {
  it('turns a negative NPS-3 comment into a negative sentiment and a detractor signal', () => {
    const a = analyseFeedback({
      text: 'Support has been terrible and we are considering cancelling',
      npsScore: 3,
    });
    expect(a.sentiment.score).toBeLessThan(-0.6);
    expect(a.nps).toEqual({ score: 3, category: 'detractor' });
    expect(a.negative).toBe(true);
  });

  it('counts a detractor score with a neutral comment as negative, but not with a positive one', () => {
    expect(analyseFeedback({ text: 'No comment', npsScore: 4 }).negative).toBe(true);
    expect(analyseFeedback({ text: 'Great people, just not the right fit', npsScore: 5 }).negative).toBe(
      false,
    );
    expect(analyseFeedback({ text: 'Works for us', npsScore: null }).nps).toBeNull();
  });
});

describe('rollSentiment', () => {
  it('weighs recent feedback more: a fresh complaint outweighs month-old praise', () => {
    const praised = rollSentiment(null, { score: 0.8, at: '2025-05-01T00:00:00Z' });
    const now = rollSentiment(praised, { score: -0.8, at: '2025-06-01T00:00:00Z' });
    expect(now.value).toBeLessThan(0);
    expect(now.at).toBe('2025-06-01T00:00:00Z');
  });

  it('averages evenly when feedback arrives together, and decays a late arrival to the current time', () => {
    const a = rollSentiment(null, { score: 1, at: '2025-06-01T00:00:00Z' });
    expect(rollSentiment(a, { score: 0, at: '2025-06-01T00:00:00Z' }).value).toBeCloseTo(0.5, 12);
    const late = rollSentiment(a, { score: -1, at: '2025-05-02T00:00:00Z' });
    expect(late.at).toBe('2025-06-01T00:00:00Z');
    expect(late.value).toBeGreaterThan(0);
  });
});
