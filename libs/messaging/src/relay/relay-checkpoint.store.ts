import { Connection, mongo } from 'mongoose';

export interface RelayCheckpointStore {
  /** The resume token after which the relay continues; undefined before its first batch. */
  load(relay: string): Promise<string | undefined>;
  /** Called only after the broker acknowledged everything up to `position`. */
  save(relay: string, checkpoint: string, position: bigint): Promise<void>;
}

interface CheckpointDoc {
  _id: string;
  checkpoint: string;
  /** Zero-padded decimal: compares as a string in the same order as the bigint, on any Mongo-wire server. */
  position: string;
  updatedAt: Date;
}

const pad = (position: bigint) => position.toString().padStart(20, '0');

/**
 * Checkpoints in Mongo rather than beside the events: the relay runs the same whether the store is
 * PostgreSQL or KurrentDB, and Mongo is already where its lease lives. Nothing is lost by keeping
 * them apart — a checkpoint that lags the broker only means events are sent again.
 */
export class MongoRelayCheckpoints implements RelayCheckpointStore {
  private readonly collection: mongo.Collection<CheckpointDoc>;

  constructor(connection: Connection, collectionName = 'relay_checkpoints') {
    this.collection = connection.collection<CheckpointDoc>(collectionName);
  }

  async load(relay: string): Promise<string | undefined> {
    return (await this.collection.findOne({ _id: relay }))?.checkpoint;
  }

  /**
   * Never moves backwards: a deposed leader finishing its last batch after the new leader went
   * further must not rewind it (that would only re-send, but for nothing).
   */
  async save(relay: string, checkpoint: string, position: bigint): Promise<void> {
    try {
      await this.collection.updateOne(
        { _id: relay, position: { $lt: pad(position) } },
        { $set: { checkpoint, position: pad(position), updatedAt: new Date() } },
        { upsert: true },
      );
    } catch (err) {
      // The guard did not match an existing document, so the upsert collided with it: already further.
      if ((err as { code?: number }).code !== 11000) throw err;
    }
  }
}
