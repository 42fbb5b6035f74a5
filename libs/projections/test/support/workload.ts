import type { EventStore, NewEvent } from '@foresight/eventstore';
import { AccountActivity, accountActivity, AccountActivityEvent } from './account-activity.projection';
import { ProjectionEvent } from '../../src';

/** Deterministic pseudo-random numbers, so a failing run can be replayed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface Step {
  stream: string;
  event: NewEvent;
}

/**
 * A mixed workload over `accounts` accounts in two tenants: openings, usage, notes touching two
 * accounts (their own streams), and closings, some of which are followed by a re-opening.
 */
export function workload(run: string, accounts: number, events: number, seed = 7): Step[] {
  const rnd = prng(seed);
  const ids = Array.from({ length: accounts }, (_, i) => `${run}a${i}`);
  const tenantOf = (id: string) => (Number(id.slice(id.lastIndexOf('a') + 1)) % 2 ? 't-odd' : 't-even');
  const steps: Step[] = ids.map((id) => ({
    stream: `account-${id}`,
    event: {
      type: 'AccountOpened',
      data: { accountId: id, name: `Account ${id}` },
      metadata: { tenantId: tenantOf(id) },
    },
  }));
  let notes = 0;
  while (steps.length < events) {
    const id = ids[Math.floor(rnd() * ids.length)]!;
    const roll = rnd();
    const tenantId = tenantOf(id);
    if (roll < 0.8) {
      steps.push({
        stream: `account-${id}`,
        event: {
          type: 'UsageRecorded',
          data: { accountId: id, count: 1 + Math.floor(rnd() * 9) },
          metadata: { tenantId },
        },
      });
    } else if (roll < 0.95) {
      const peers = ids.filter((other) => tenantOf(other) === tenantId);
      const other = peers[Math.floor(rnd() * peers.length)]!;
      steps.push({
        stream: `note-${run}n${notes++}`,
        event: {
          type: 'NoteAdded',
          data: { accountIds: [...new Set([id, other])], text: 'x' },
          metadata: { tenantId },
        },
      });
    } else {
      steps.push({
        stream: `account-${id}`,
        event: { type: 'AccountClosed', data: { accountId: id }, metadata: { tenantId } },
      });
      if (rnd() < 0.5)
        steps.push({
          stream: `account-${id}`,
          event: {
            type: 'AccountOpened',
            data: { accountId: id, name: `Reopened ${id}` },
            metadata: { tenantId },
          },
        });
    }
  }
  return steps;
}

/** Appends steps in order; returns the global position of the last one. */
export async function appendAll(
  store: EventStore,
  steps: readonly Step[],
  pace?: { every: number; ms: number },
): Promise<bigint> {
  let last = 0n;
  for (let i = 0; i < steps.length; i++) {
    const { stream, event } = steps[i]!;
    last = (await store.append(stream, [event])).position;
    if (pace && i % pace.every === pace.every - 1) await new Promise((r) => setTimeout(r, pace.ms));
  }
  return last;
}

/** The reference result: the pure projection folded in memory over the events in store order. */
export function foldInMemory(
  events: readonly ProjectionEvent[],
): Map<string, AccountActivity & { tenantId: string }> {
  const docs = new Map<string, AccountActivity & { tenantId: string }>();
  for (const e of events) {
    if (!accountActivity.handles.includes(e.type as AccountActivityEvent['type'])) continue;
    const ids = accountActivity.id(e as AccountActivityEvent);
    for (const id of typeof ids === 'string' ? [ids] : ids) {
      const current = docs.get(id) ?? null;
      const next = accountActivity.evolve(current, e as AccountActivityEvent);
      if (next) docs.set(id, { ...next, tenantId: e.tenantId });
      else docs.delete(id);
    }
  }
  return docs;
}
