import { Connection } from 'mongoose';
import { ConsumedEvent } from '../../src';
import { CountedPayload } from './test-contracts';

export interface CounterDoc {
  _id: string;
  count: number;
  total: number;
  revision: number;
}

/**
 * The read model the crash tests check: per stream, how many events, the sum of their amounts and
 * the last revision. `$inc` makes a double apply visible; the revision guard is what makes a
 * redelivery harmless (the handler's idempotency by construction).
 */
export function counterProjection(connection: Connection, collection: string) {
  const docs = connection.collection<CounterDoc>(collection);
  return async (event: ConsumedEvent<CountedPayload>): Promise<void> => {
    const { stream, revision } = event.envelope;
    if (stream === undefined || revision === undefined) throw new Error('envelope without stream/revision');
    const { amount } = event.payload;
    try {
      await docs.updateOne(
        { _id: stream, revision: { $lt: revision } },
        { $inc: { count: 1, total: amount }, $set: { revision } },
        { upsert: true },
      );
    } catch (err) {
      // The guard matched nothing because this revision (or a later one) is already applied.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  };
}

/** The same read model computed straight from the events: what the projection must equal. */
export function replay(
  events: readonly { stream: string; revision: number; type: string; data: unknown }[],
  type: string,
): Map<string, Omit<CounterDoc, '_id'>> {
  const out = new Map<string, Omit<CounterDoc, '_id'>>();
  for (const { stream, revision, type: t, data } of events) {
    if (t !== type) continue;
    const { amount } = data as CountedPayload;
    const doc = out.get(stream) ?? { count: 0, total: 0, revision: -1 };
    out.set(stream, {
      count: doc.count + 1,
      total: doc.total + amount,
      revision: Math.max(doc.revision, revision),
    });
  }
  return out;
}
