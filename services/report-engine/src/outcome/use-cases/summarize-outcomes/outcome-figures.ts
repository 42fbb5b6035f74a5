import { OutcomeDoc } from '../../projections/outcomes.projection';
import { OutcomeFiguresView } from './outcome-summary.view';

type Row = Pick<OutcomeDoc, 'kind' | 'category' | 'outcome' | 'revenueImpact' | 'verification' | 'confirmed'>;

/**
 * One group's figures. Disputed outcomes count as outcomes but not towards precision or revenue:
 * whether they bore the report out, and what they moved, is exactly what is in question.
 */
export function figuresOf(rows: readonly Row[]): OutcomeFiguresView {
  let confirmed = 0;
  let verified = 0;
  let pending = 0;
  let disputed = 0;
  let revenueAtRiskSaved = 0;
  let expansionWon = 0;
  for (const row of rows) {
    if (row.verification === 'Verified') verified++;
    if (row.verification === 'Pending') pending++;
    if (row.verification === 'Disputed') {
      disputed++;
      continue;
    }
    if (row.confirmed) confirmed++;
    if (row.category === 'risk' && row.outcome === 'renewed') revenueAtRiskSaved += row.revenueImpact;
    if (row.category === 'opportunity' && (row.outcome === 'expanded' || row.outcome === 'converted'))
      expansionWon += row.revenueImpact;
  }
  const counted = rows.length - disputed;
  return {
    withOutcome: rows.length,
    confirmed,
    verified,
    pending,
    disputed,
    precision: counted ? confirmed / counted : null,
    revenueAtRiskSaved,
    expansionWon,
  };
}

export function groupBy<T, K extends string>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
