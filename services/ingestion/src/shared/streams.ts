/** Stream names of ingestion's event store, `<category>-<id>`; the category is what projections and the relay see. */
export const streams = {
  /** One upstream record's lifecycle (account, contract, feedback item). */
  record: (recordId: string) => `record-${recordId}`,
  /** An account's usage periods and computed features: usage rows are too many for a stream each. */
  usage: (accountId: string) => `usage-${accountId}`,
  /** One batch (sync run): its rejections and summary. */
  sync: (syncId: string) => `sync-${syncId}`,
} as const;
