import { AllFilter, EventStore, RecordedEvent, Subscription } from '@foresight/eventstore';
import { alwaysLeader, LeaderElection } from '../leader/mongo-lease.election';
import { dropMetrics, errorMessage, MessagingLogger, MetricSink, stderrLogger } from '../messaging.hooks';
import { OutgoingMessage, Publisher } from '../publisher/envelope.publisher';
import { RelayCheckpointStore } from './relay-checkpoint.store';
import { Routes, toOutgoing, toRouteFn } from './recorded-event.mapper';

export interface RelayOptions {
  /** Names the checkpoint (and, by convention, the lease): one relay per service, e.g. the service name. */
  name: string;
  /** The producing service, written to every envelope's `source`. */
  source: string;
  store: EventStore;
  publisher: Publisher;
  routes: Routes;
  checkpoints: RelayCheckpointStore;
  /** Several instances may run; only the elected one relays. Default: this instance always relays. */
  election?: LeaderElection;
  /** Events per store read and per produce request. */
  batchSize?: number;
  /** Narrows what the store delivers; events outside it never reach the route function. */
  filter?: AllFilter;
  /** Back-off between attempts after a failure (broker or store away): doubles up to the max. */
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  logger?: MessagingLogger;
  onMetric?: MetricSink;
}

type State = { kind: 'standby' } | { kind: 'leading'; term: number; done: Promise<void> };

/**
 * Moves events from the store to Kafka — the only way they get there (no dual writes).
 *
 * At-least-once: a batch is produced (acks=all), and only once the broker acknowledged it is the
 * checkpoint advanced; a crash in between re-sends that batch on restart. Ordering per key holds
 * because the store delivers in global order, one batch at a time, and the producer is idempotent with
 * one request in flight. Any failure restarts the subscription from the last saved checkpoint.
 */
export class EventRelay {
  private readonly route;
  private readonly election: LeaderElection;
  private readonly logger: MessagingLogger;
  private readonly onMetric: MetricSink;
  private state: State = { kind: 'standby' };
  private term = 0;
  private wake?: () => void;
  private following?: { subscription: Subscription; ended: () => void; drained: () => Promise<void> };
  private steppingDown: Promise<void> = Promise.resolve();

  constructor(private readonly options: RelayOptions) {
    this.route = toRouteFn(options.routes);
    this.election = options.election ?? alwaysLeader();
    this.logger = options.logger ?? stderrLogger;
    this.onMetric = options.onMetric ?? dropMetrics;
  }

  get isLeader(): boolean {
    return this.state.kind === 'leading';
  }

  start(): void {
    this.election.start({ onElected: () => this.lead(), onDeposed: () => void this.standDown() });
  }

  /** Finishes the batch in flight (its checkpoint included), then releases the lease. */
  async stop(): Promise<void> {
    await this.standDown();
    await this.election.stop();
  }

  private lead() {
    const term = ++this.term;
    this.state = { kind: 'leading', term, done: this.loop(term) };
    this.onMetric({
      name: 'relay.leader',
      relay: this.options.name,
      instance: this.election.instanceId,
      leader: true,
    });
  }

  private standDown(): Promise<void> {
    const state = this.state;
    if (state.kind !== 'leading') return this.steppingDown;
    this.state = { kind: 'standby' };
    this.term++;
    this.wake?.();
    const following = this.following;
    this.following = undefined;
    this.steppingDown = (async () => {
      if (following) {
        await following.subscription.stop();
        await following.drained();
        following.ended();
      }
      await state.done;
      this.onMetric({
        name: 'relay.leader',
        relay: this.options.name,
        instance: this.election.instanceId,
        leader: false,
      });
    })();
    return this.steppingDown;
  }

  private async loop(term: number): Promise<void> {
    const { initialDelayMs = 500, maxDelayMs = 10_000 } = this.options.retry ?? {};
    let delay = initialDelayMs;
    // Re-elected right after losing the lease: let the previous term's last batch land first.
    await this.steppingDown;
    while (this.term === term) {
      try {
        const after = await this.options.checkpoints.load(this.options.name);
        if (this.term !== term) return;
        this.logger.info({ relay: this.options.name, after }, 'relay following the store');
        await this.follow(after, term, () => (delay = initialDelayMs));
      } catch (err) {
        if (this.term !== term) return;
        this.logger.warn(
          { relay: this.options.name, err: errorMessage(err), retryInMs: delay },
          'relay failed; resuming from its checkpoint',
        );
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        delay = Math.min(delay * 2, maxDelayMs);
      }
    }
  }

  /**
   * Resolves when the subscription was stopped (stand-down), rejects when it failed.
   *
   * Three things overlap: the store reads batch k+1 while batch k is produced, and batch k's
   * checkpoint is written while batch k+1 is produced. What never overlaps: two produce requests
   * (batch k+1 is sent only once k is acknowledged — per-key order), and two checkpoint writes (in
   * batch order, each after its own batch's acknowledgement — a checkpoint never passes an unsent event).
   */
  private follow(after: string | undefined, term: number, onProgress: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let producing: Promise<void> = Promise.resolve();
      let saving: Promise<void> = Promise.resolve();
      const drained = async () => {
        await producing.catch(() => undefined);
        await saving.catch(() => undefined);
      };
      let failed = false;
      const fail = (err: Error) => {
        if (failed) return;
        failed = true;
        this.following = undefined;
        void subscription
          .stop()
          .then(drained)
          .then(() => reject(err));
      };
      const subscription: Subscription = this.options.store.subscribeAll(
        { after, batchSize: this.options.batchSize ?? 500, filter: this.options.filter },
        async (events) => {
          if (this.term !== term || failed || !events.length) return;
          await producing;
          producing = this.produce(events).then((sent) => {
            const previous = saving;
            saving = previous.then(() => this.checkpoint(events, sent)).then(onProgress);
            saving.catch(fail);
          });
          producing.catch(fail);
        },
        fail,
      );
      this.following = { subscription, ended: resolve, drained };
    });
  }

  /** Produces the routed events of a batch; resolves, with how many, once the broker acknowledged them. */
  private async produce(events: readonly RecordedEvent[]): Promise<number> {
    const byTopic = new Map<string, OutgoingMessage[]>();
    let routed = 0;
    for (const event of events) {
      const route = this.route(event);
      if (!route) {
        this.logger.debug(
          { relay: this.options.name, type: event.type },
          'no route for event type; not published',
        );
        continue;
      }
      let list = byTopic.get(route.topic);
      if (!list) byTopic.set(route.topic, (list = []));
      list.push(toOutgoing(event, route, this.options.source));
      routed++;
    }
    // Grouping by topic keeps each key's order: one key lives in one topic, in global-store order.
    if (byTopic.size)
      await this.options.publisher.publishMany(
        [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      );
    return routed;
  }

  private async checkpoint(events: readonly RecordedEvent[], sent: number): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    await this.options.checkpoints.save(this.options.name, last.checkpoint, last.position);
    this.onMetric({
      name: 'relay.published',
      relay: this.options.name,
      events: sent,
      skipped: events.length - sent,
      position: last.position,
      lagMs: Date.now() - last.recordedAt.getTime(),
    });
  }
}
