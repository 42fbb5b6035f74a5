import { AccountFeatures, USAGE_METRICS } from '@foresight/contracts';
import { EMPLOYEE_RANGES } from '@foresight/datagen';
import { FeatureRow } from './churn-model';

/** HubSpot's sentinel for "no traffic rank": the unranked are the smallest sites, not missing data. */
const UNRANKED = 16_000_001;
const STATS = ['sum', 'mean', 'max', 'std'] as const;

/**
 * AccountFeatures → the named numbers the model reads. Counts are log1p'd because usage is heavy-tailed
 * (a few accounts do 100× the median) and a linear model would otherwise be driven by them. Every
 * numeric key is always present, with a *_missing flag where the source may lack it, so rows from
 * different sources line up.
 */
export function featureRow(f: AccountFeatures): FeatureRow {
  const row: Record<string, number> = {
    samples: f.samples,
    log_total_actions: Math.log1p(f.totalActions),
    log_total_users: Math.log1p(f.totalUsers),
    log_active_users: Math.log1p(f.activeUsers),
    log_actions_per_user: Math.log1p(f.actionsPerUser),
    days_active: f.daysActive,
    activity_frequency: f.activityFrequency,
    actions_trend: f.actionsTrend,
  };
  for (const m of USAGE_METRICS) {
    for (const s of STATS) {
      row[`log_actions_${m}_${s}`] = Math.log1p(f.actions[m][s]);
      row[`log_users_${m}_${s}`] = Math.log1p(f.users[m][s]);
    }
  }

  const firm = f.firmographics;
  const ordinal = firm?.employeeRange
    ? (EMPLOYEE_RANGES as readonly string[]).indexOf(firm.employeeRange) + 1
    : 0;
  row['employee_range_ordinal'] = ordinal;
  row['employee_range_missing'] = ordinal === 0 ? 1 : 0;
  row['log10_web_rank'] = Math.log10(firm?.webRank && firm.webRank > 0 ? firm.webRank : UNRANKED);
  row['log_arr'] = Math.log1p(Math.max(0, firm?.arr ?? 0));
  row['arr_missing'] = firm?.arr == null ? 1 : 0;
  if (firm?.industry) row[`industry=${firm.industry}`] = 1;
  else row['industry=(none)'] = 1;

  const voc = f.voc;
  row['sentiment'] = voc?.rollingSentiment ?? 0;
  row['sentiment_missing'] = voc?.rollingSentiment == null ? 1 : 0;
  // Centred on 7, the passive band, so "no answer" (0 with the flag set) sits between praise and complaint.
  row['nps_centred'] = voc?.latestNps == null ? 0 : voc.latestNps - 7;
  row['nps_missing'] = voc?.latestNps == null ? 1 : 0;
  row['log_negative_feedback'] = Math.log1p(voc?.negativeCount ?? 0);
  return row;
}
