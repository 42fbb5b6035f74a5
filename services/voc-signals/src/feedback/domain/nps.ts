import { DomainError } from '@foresight/domain';

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export interface NpsSummary {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, −100..100; null with no responses (0 would claim a neutral result). */
  nps: number | null;
}

function assertScore(score: number): void {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new DomainError(
      'FEEDBACK.INVALID_NPS_SCORE',
      `NPS score must be an integer 0–10, got ${score}`,
      'invalid',
      {
        score,
      },
    );
}

/** Promoters 9–10, passives 7–8, detractors 0–6. */
export function npsCategory(score: number): NpsCategory {
  assertScore(score);
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

export function npsOf(scores: readonly number[]): NpsSummary {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) counts[`${npsCategory(s)}s`]++;
  return npsFromCounts(counts);
}

/** The same summary from per-category counts (what a read model can count without loading answers). */
export function npsFromCounts(counts: {
  promoters: number;
  passives: number;
  detractors: number;
}): NpsSummary {
  const responses = counts.promoters + counts.passives + counts.detractors;
  const nps = responses === 0 ? null : (100 * (counts.promoters - counts.detractors)) / responses;
  return { responses, ...counts, nps };
}
