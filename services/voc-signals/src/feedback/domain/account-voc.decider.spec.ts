import { DomainError } from '@foresight/domain';
import { DeciderSpecification } from '@foresight/testing';
import type { AnalyseFeedback } from './account-voc.commands';
import { accountVocDecider, decide, evolve } from './account-voc.decider';
import type { FeedbackAnalysed } from './account-voc.events';
import { initialAccountVoc } from './account-voc.state';

const spec = DeciderSpecification.for(accountVocDecider);
const tenantId = 'tenant-a';
const accountId = '0c9f4f7e-3d52-4bd4-9d1e-4e0f3f2a6b10';
const analysedAt = '2025-06-16T10:00:00.000Z';

function feedback(feedbackId: string, overrides: Partial<AnalyseFeedback['data']> = {}): AnalyseFeedback {
  return {
    type: 'AnalyseFeedback',
    data: {
      tenantId,
      accountId,
      feedbackId,
      channel: 'nps',
      score: 3,
      text: 'Support has been terrible and we are considering cancelling',
      at: '2025-06-10T09:00:00.000Z',
      analysedAt,
      ...overrides,
    },
  };
}

/** The history a sequence of commands leaves behind. */
function history(...commands: AnalyseFeedback[]): FeedbackAnalysed[] {
  let state = initialAccountVoc();
  const events: FeedbackAnalysed[] = [];
  for (const c of commands) {
    const [e] = decide(c, state);
    events.push(e!);
    state = evolve(state, e!);
  }
  return events;
}

describe('account voc decider', () => {
  describe('no feedback yet', () => {
    it('analyses a negative NPS-3 comment into a very negative signal with NPS 3', () => {
      const [event] = decide(feedback('f1'), initialAccountVoc());
      expect(event!.data.sentiment.score).toBeLessThan(-0.5);
      expect(event!.data.sentiment.emotions).toContain('frustration');
      expect(event!.data.nps).toEqual({ score: 3, category: 'detractor' });
      expect(event!.data.negative).toBe(true);
      expect(event!.data.signal).toEqual({
        rollingSentiment: { value: event!.data.sentiment.score, weight: 1, at: '2025-06-10T09:00:00.000Z' },
        latestNps: { score: 3, at: '2025-06-10T09:00:00.000Z' },
        negativeCount: 1,
        feedbackCount: 1,
      });
    });

    it('does not read a survey score as an NPS answer (surveys ask for a 1–5 CSAT)', () => {
      const [event] = decide(
        feedback('f1', { channel: 'survey', score: 5, text: 'Great onboarding' }),
        initialAccountVoc(),
      );
      expect(event!.data.nps).toBeNull();
      expect(event!.data.signal.latestNps).toBeNull();
    });

    it('refuses an NPS answer outside 0–10', () =>
      spec
        .given([])
        .when(feedback('f1', { score: 11 }))
        .thenThrows(DomainError, (e) => e.code === 'FEEDBACK.INVALID_NPS_SCORE'));
  });

  describe('with feedback', () => {
    it('rolls sentiment and counts negatives across items', () => {
      const [, second] = history(
        feedback('f1'),
        feedback('f2', {
          channel: 'ticket',
          score: null,
          text: 'The export is broken again',
          at: '2025-06-12T09:00:00.000Z',
        }),
      );
      expect(second!.data.signal.negativeCount).toBe(2);
      expect(second!.data.signal.feedbackCount).toBe(2);
      expect(second!.data.signal.latestNps).toEqual({ score: 3, at: '2025-06-10T09:00:00.000Z' });
      expect(second!.data.signal.rollingSentiment.at).toBe('2025-06-12T09:00:00.000Z');
    });

    it('keeps the newer NPS answer when an older one arrives late', () => {
      const events = history(
        feedback('f1', { score: 9, text: 'Love it', at: '2025-06-10T09:00:00.000Z' }),
        feedback('f2', { score: 2, text: 'Awful', at: '2025-03-01T09:00:00.000Z' }),
      );
      expect(events[1]!.data.signal.latestNps).toEqual({ score: 9, at: '2025-06-10T09:00:00.000Z' });
    });

    it('forgets negatives older than the window', () => {
      const events = history(
        feedback('f1', { at: '2025-01-01T09:00:00.000Z' }),
        feedback('f2', { score: 10, text: 'Fantastic support', at: '2025-06-10T09:00:00.000Z' }),
      );
      expect(events[0]!.data.signal.negativeCount).toBe(1);
      expect(events[1]!.data.signal.negativeCount).toBe(0);
    });

    it("refuses feedback for the account under another tenant (it would move that tenant's signal)", () =>
      spec
        .given(history(feedback('f1')))
        .when(feedback('f2', { tenantId: 'tenant-b' }))
        .thenThrows(DomainError, (e) => e.code === 'VOC.ACCOUNT_OF_ANOTHER_TENANT'));
  });
});
