import { KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { retryTransient } from './kafkajs-broker.adapter';

/** The error a broker answers while a partition's leadership is still being settled (code 6). */
const notLeader = () =>
  new KafkaJSProtocolError(
    // kafkajs builds protocol errors from its error-code table entry; its typings only say Error.
    Object.assign(new Error('This server is not the leader for that topic-partition'), {
      type: 'NOT_LEADER_FOR_PARTITION',
      code: 6,
      retriable: true,
    }),
  );

describe('retryTransient', () => {
  it('runs an admin step again while the broker says it is not the leader yet, then returns its result', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls++;
      if (calls < 3) throw notLeader();
      return 'offsets';
    });
    expect(result).toBe('offsets');
    expect(calls).toBe(3);
  });

  it('looks inside the error kafkajs throws once its own retries are spent', async () => {
    let calls = 0;
    const result = await retryTransient(async () => {
      calls++;
      if (calls < 2)
        throw new KafkaJSNumberOfRetriesExceeded(notLeader(), { retryCount: 5, retryTime: 3000 });
      return 'subscribed';
    });
    expect(result).toBe('subscribed');
    expect(calls).toBe(2);
  });

  it('passes any other error through at once', async () => {
    let calls = 0;
    const denied = new KafkaJSNonRetriableError('Topic authorization failed');
    await expect(
      retryTransient(async () => {
        calls++;
        throw denied;
      }),
    ).rejects.toBe(denied);
    expect(calls).toBe(1);
  });

  it('gives up with the last error once its attempts are spent', async () => {
    let calls = 0;
    await expect(
      retryTransient(async () => {
        calls++;
        throw notLeader();
      }, 2),
    ).rejects.toMatchObject({ type: 'NOT_LEADER_FOR_PARTITION' });
    expect(calls).toBe(2);
  });
});
