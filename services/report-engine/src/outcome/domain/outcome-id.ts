/** One ledger stream per report, named after it: the outcome of a report is found without a lookup. */
export const OUTCOME_STREAM_CATEGORY = 'outcome';

export const outcomeStream = (reportId: string): string => `${OUTCOME_STREAM_CATEGORY}-${reportId}`;
