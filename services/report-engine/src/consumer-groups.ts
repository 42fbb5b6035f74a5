import { Topics } from '@foresight/contracts';

/**
 * report-engine's consumers: each is the Kafka group `<service>.<name>` reading these topics. One
 * list, so the tests can place a new deployment's groups at the end of the shared topics.
 */
export const CONSUMER_GROUPS = {
  accountScores: { name: 'account-scores', topics: [Topics.scoringAccountScores] },
  records: { name: 'records', topics: [Topics.ingestionRecords] },
  accountSignals: {
    name: 'account-signals',
    topics: [Topics.ingestionAccountFeatures, Topics.vocAccountSignals],
  },
  notificationOutcomes: { name: 'notification-outcomes', topics: [Topics.notifications] },
  outcomeFacts: { name: 'outcome-facts', topics: [Topics.ingestionOutcomeFacts] },
} as const;
