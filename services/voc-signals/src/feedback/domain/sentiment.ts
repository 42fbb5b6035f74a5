import { Emotion, EMOTIONS, emotionsOfToken } from './emotions';
import { INTENSIFIERS, NEGATORS, PHRASES, SENTIMENT_LEXICON } from './sentiment-lexicon';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  /** −1 (very negative) .. 1 (very positive). */
  score: number;
  label: SentimentLabel;
  /** The words and phrases that moved the score, with their signed contribution. */
  contributions: { term: string; valence: number }[];
  /** Emotions cued in the text, strongest first. */
  emotions: Emotion[];
  emotionCounts: Partial<Record<Emotion, number>>;
}

/** Words a negation may skip: "never had a single crash" still negates "crash". */
const NEGATION_REACH = 3;
/** Negating flips and dampens: "not great" is mildly negative, not the opposite of great. */
const NEGATION_FACTOR = -0.6;
/** What follows "but" is what the writer means: "good product but support is terrible" is negative. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.4;
/** Sum of valences that maps to tanh(1) ≈ 0.76: two clearly negative words make a clearly negative text. */
const SCALE = 4;
const NEUTRAL_BAND = 0.05;

type Token = { word: string; raw: string } | { boundary: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.replace(/[\u2018\u2019]/g, "'").matchAll(/[A-Za-z]+(?:'[A-Za-z]+)?|[.!?;,:]/g)) {
    const raw = m[0];
    tokens.push(/^[.!?;,:]$/.test(raw) ? { boundary: raw } : { word: raw.toLowerCase(), raw });
  }
  return tokens;
}

const wordAt = (tokens: Token[], i: number): string | undefined => {
  const t = tokens[i];
  return t && 'word' in t ? t.word : undefined;
};

/**
 * Lexicon scoring with negation ("not helpful"), intensifiers and softeners ("extremely slow",
 * "a bit slow"), two-word phrases ("let down"), contrast ("…, but …"), shouting (ALL CAPS) and
 * exclamation marks. Deterministic and explainable: every contribution is returned.
 */
export function scoreSentiment(text: string): SentimentResult {
  const tokens = tokenize(text);
  const shouting = text === text.toUpperCase();
  const contributions: { term: string; valence: number; afterContrast: boolean }[] = [];
  const emotionCounts: Partial<Record<Emotion, number>> = {};
  let negateFor = 0;
  let multiplier = 1;
  let afterContrast = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if ('boundary' in token) {
      negateFor = 0;
      multiplier = 1;
      continue;
    }
    const next = wordAt(tokens, i + 1);
    const pair = next ? `${token.word} ${next}` : undefined;
    if (token.word === 'but' || token.word === 'however') {
      afterContrast = true;
      contributions.forEach((c) => (c.afterContrast = false));
      continue;
    }
    if (pair && INTENSIFIERS[pair] !== undefined) {
      multiplier *= INTENSIFIERS[pair];
      i++;
      continue;
    }
    const phraseValence = pair ? PHRASES[pair] : undefined;
    const valence = phraseValence ?? SENTIMENT_LEXICON[token.word];
    if (valence === undefined) {
      if (NEGATORS.has(token.word)) {
        negateFor = NEGATION_REACH + 1;
        continue;
      }
      if (INTENSIFIERS[token.word] !== undefined) multiplier *= INTENSIFIERS[token.word] as number;
      for (const e of emotionsOfToken(token.word))
        if (negateFor === 0) emotionCounts[e] = (emotionCounts[e] ?? 0) + 1;
      if (negateFor > 0) negateFor--;
      continue;
    }
    const negated = negateFor > 0;
    let v = valence * multiplier;
    if (negated) v *= NEGATION_FACTOR;
    if (!shouting && token.raw.length > 1 && token.raw === token.raw.toUpperCase()) v *= 1.3;
    if (!negated) for (const e of emotionsOfToken(token.word)) emotionCounts[e] = (emotionCounts[e] ?? 0) + 1;
    contributions.push({
      term: phraseValence !== undefined ? (pair as string) : token.word,
      valence: v,
      afterContrast,
    });
    if (phraseValence !== undefined) i++;
    negateFor = 0;
    multiplier = 1;
  }

  const anyContrast = afterContrast;
  let sum = 0;
  for (const c of contributions) {
    const weight = !anyContrast ? 1 : c.afterContrast ? AFTER_CONTRAST : BEFORE_CONTRAST;
    c.valence *= weight;
    sum += c.valence;
  }
  const exclamations = Math.min(3, (text.match(/!/g) ?? []).length);
  sum *= 1 + 0.08 * exclamations;
  const score = Math.tanh(sum / SCALE);
  const emotions = EMOTIONS.filter((e) => (emotionCounts[e] ?? 0) > 0).sort(
    (a, b) => (emotionCounts[b] ?? 0) - (emotionCounts[a] ?? 0),
  );
  return {
    score,
    label: score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral',
    contributions: contributions.map(({ term, valence }) => ({ term, valence })),
    emotions,
    emotionCounts,
  };
}
