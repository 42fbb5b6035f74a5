import type { ProjectionEvent } from '@foresight/projections';
import { decide, evolve } from '../domain/account-voc.decider';
import type { FeedbackAnalysed } from '../domain/account-voc.events';
import { initialAccountVoc } from '../domain/account-voc.state';
import { accountSignalsProjection, HISTORY_LIMIT } from './account-signals.projection';
import { analysedFeedbackProjection } from './analysed-feedback.projection';

const accountId = '0c9f4f7e-3d52-4bd4-9d1e-4e0f3f2a6b10';

/** n analysed items for one account, as the decider produces them, as the projection receives them. */
function analysed(n: number): ProjectionEvent<'FeedbackAnalysed', FeedbackAnalysed['data']>[] {
  let state = initialAccountVoc();
  return Array.from({ length: n }, (_, i) => {
    const [event] = decide(
      {
        type: 'AnalyseFeedback',
        data: {
          tenantId: 'tenant-a',
          accountId,
          feedbackId: `f${i}`,
          channel: i % 2 === 0 ? 'nps' : 'ticket',
          score: i % 2 === 0 ? 3 : null,
          text: i % 2 === 0 ? 'Support has been terrible' : 'Thanks, that fixed it',
          at: new Date(Date.UTC(2025, 5, 1, i)).toISOString(),
          analysedAt: '2025-06-16T10:00:00.000Z',
        },
      },
      state,
    );
    state = evolve(state, event!);
    return {
      id: `e${i}`,
      type: 'FeedbackAnalysed',
      data: event!.data,
      stream: `voc-${accountId}`,
      revision: i,
      tenantId: 'tenant-a',
      occurredAt: new Date('2025-06-16T10:00:00.000Z'),
    };
  });
}

describe('voc-account-signals projection', () => {
  it("keeps the account's current signal and its changes, newest first", () => {
    const events = analysed(3);
    const doc = events.reduce(accountSignalsProjection.evolve, null);
    const last = events[2]!.data;
    expect(doc).toMatchObject({
      accountId,
      rollingSentiment: last.signal.rollingSentiment.value,
      latestNps: 3,
      latestNpsAt: events[2]!.data.at,
      negativeCount: 2,
      feedbackCount: 3,
    });
    expect(doc!.history.map((h) => h.feedbackId)).toEqual(['f2', 'f1', 'f0']);
  });

  it(`keeps at most ${HISTORY_LIMIT} changes`, () => {
    const doc = analysed(HISTORY_LIMIT + 5).reduce(accountSignalsProjection.evolve, null);
    expect(doc!.history).toHaveLength(HISTORY_LIMIT);
    expect(doc!.history[0]!.feedbackId).toBe(`f${HISTORY_LIMIT + 4}`);
    expect(doc!.feedbackCount).toBe(HISTORY_LIMIT + 5);
  });

  it("keys documents by tenant and account, so another tenant's account id never lands on them", () => {
    const [event] = analysed(1);
    expect(accountSignalsProjection.id(event!)).toBe(`tenant-a:${accountId}`);
    expect(analysedFeedbackProjection.id(event!)).toBe('tenant-a:f0');
  });
});

describe('voc-analysed-feedback projection', () => {
  it('keeps what the feedback list and the NPS count read', () => {
    const [event] = analysed(1);
    expect(analysedFeedbackProjection.evolve(null, event!)).toMatchObject({
      feedbackId: 'f0',
      accountId,
      channel: 'nps',
      text: 'Support has been terrible',
      score: 3,
      sentimentLabel: 'negative',
      npsScore: 3,
      npsCategory: 'detractor',
      negative: true,
    });
  });
});
