/**
 * The broker as this lib needs it, and nothing more. kafkajs sits behind it
 * (`kafkajs-broker.adapter.ts`); swapping the client means one new adapter, while the relay,
 * publisher and consumer stay as they are.
 */

export interface TopicSpec {
  topic: string;
  partitions?: number;
  replicationFactor?: number;
  /** Broker topic configs, e.g. `{ 'retention.ms': '604800000' }`. */
  config?: Record<string, string>;
}

export interface OutgoingRecord {
  key: string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

export interface TopicRecords {
  topic: string;
  records: readonly OutgoingRecord[];
}

export interface RawProducer {
  connect(): Promise<void>;
  /**
   * Resolves once the broker acknowledged every record (acks=all, idempotent: a retried send is
   * never duplicated in the log); rejects when it could not, after the client's own retries.
   */
  send(batch: readonly TopicRecords[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface IncomingRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** Header values decoded as UTF-8; the first value when a header repeats. */
  headers: Record<string, string>;
}

export interface IncomingBatch {
  topic: string;
  partition: number;
  records: readonly IncomingRecord[];
  highWatermark: string;
  /** Records up to and including `offset` are done: the next fetch and the group's committed offset move past it. */
  commit(offset: string): Promise<void>;
  heartbeat(): Promise<void>;
  /** False once stop() was called or the partition was revoked: stop taking new records. */
  isActive(): boolean;
}

export interface RawConsumer {
  /** Joins the group and starts fetching; batches of one partition arrive in order, one at a time. */
  start(options: {
    topics: readonly string[];
    fromBeginning: boolean;
    /**
     * 'end': a group with no committed offset on a topic is first placed at that topic's end, before
     * it joins (so nothing produced after start() returns is missed). For isolated test copies of a
     * service on a shared broker, which must not replay every earlier run's history.
     */
    newGroupStart?: 'beginning' | 'end';
    partitionsConcurrently: number;
    onBatch: (batch: IncomingBatch) => Promise<void>;
  }): Promise<void>;
  /** Waits for the running onBatch calls to return, then leaves the group. */
  stop(): Promise<void>;
}

export interface BrokerAdmin {
  listTopics(): Promise<string[]>;
  /** Creates what is missing; a topic that already exists (even one created concurrently) is fine. */
  createTopics(specs: readonly Required<TopicSpec>[]): Promise<void>;
  close(): Promise<void>;
}

export interface Broker {
  admin(): Promise<BrokerAdmin>;
  producer(): RawProducer;
  /**
   * `sessionTimeoutMs`: how long a member may stay silent before the group gives its partitions to
   * others — after a crash, the survivors (or the restarted process) wait this long to resume.
   */
  consumer(groupId: string, options?: { sessionTimeoutMs?: number }): RawConsumer;
}
