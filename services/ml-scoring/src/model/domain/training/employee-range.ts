/**
 * HubSpot's company-size buckets as an ordinal 1–9. Read from the bucket's lower bound, so every
 * spelling seen in exports maps: "1", "2 to 5", "10,001 or more", "1,001-10,000", "10001+", "501 - 1000".
 */
const LOWER_BOUNDS = [1, 2, 6, 11, 26, 51, 201, 1001, 10001] as const;

export const EMPLOYEE_RANGE_LEVELS = LOWER_BOUNDS.length;

export function employeeRangeOrdinal(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim().toLowerCase();
  if (text === '') return null;
  const match = /^(\d[\d,.\s]*)\s*(?:\+|or more|to\b|-|–|$)/.exec(text);
  if (!match?.[1]) return null;
  const lower = Number(match[1].replace(/[,.\s]/g, ''));
  if (!Number.isInteger(lower) || lower < 1) return null;
  let level = 0;
  for (let i = 0; i < LOWER_BOUNDS.length; i++) if (lower >= (LOWER_BOUNDS[i] as number)) level = i + 1;
  return level;
}

/** True when every non-empty value reads as an employee range (and at least one does). */
export function looksLikeEmployeeRange(values: Iterable<string>): boolean {
  let any = false;
  for (const v of values) {
    if (v.trim() === '') continue;
    if (employeeRangeOrdinal(v) === null) return false;
    any = true;
  }
  return any;
}
