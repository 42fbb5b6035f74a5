import { Topics } from '@foresight/contracts';

/**
 * notifications' consumers: each is the Kafka group `<service>.<name>` reading these topics. One
 * list, so the tests can place a new deployment's groups at the end of the shared topics.
 */
export const CONSUMER_GROUPS = {
  reportNotificationRequests: {
    name: 'report-notification-requests',
    topics: [Topics.reportNotificationRequests],
  },
} as const;
