import { DeciderSpecification } from '@foresight/testing';
import { ObserveFact, OutcomeCommand, SetOutcomeByHand } from './outcome.commands';
import { decide, outcomeDecider } from './outcome.decider';
import { OutcomeEvent, OutcomeRecorded } from './outcome.events';
import { OutcomeReportRef } from './outcome-report-ref';

const spec = DeciderSpecification.for(outcomeDecider);
const reportId = 'rep-1';
const tenantId = 'tenant-a';
const report: OutcomeReportRef = {
  accountId: 'acc-1',
  kind: 'CRITICAL_CHURN',
  subject: { type: 'account', id: 'acc-1' },
  ownerEmail: 'owner@a.test',
  raisedAt: '2026-03-01T00:00:00.000Z',
};

const fact = (
  factId: string,
  fact: ObserveFact['data']['fact'],
  effectiveAt: string,
  amountBefore: number | null,
  amountAfter: number | null,
): ObserveFact => ({
  type: 'ObserveFact',
  data: {
    reportId,
    tenantId,
    report,
    factId,
    fact,
    subjectType: 'contract',
    subjectId: 'c-1',
    amountBefore,
    amountAfter,
    effectiveAt,
    at: '2026-06-01T00:00:00.000Z',
  },
});
const byHand = (
  outcome: SetOutcomeByHand['data']['outcome'],
  revenueImpact: number | null = null,
  note: string | null = null,
): SetOutcomeByHand => ({
  type: 'SetOutcomeByHand',
  data: {
    reportId,
    tenantId,
    report,
    outcome,
    revenueImpact,
    note,
    by: 'owner@a.test',
    at: '2026-06-02T00:00:00.000Z',
  },
});

const renewal = fact('f-renew', 'contract_renewed', '2026-05-01T00:00:00.000Z', 48_000, 48_000);
const ended = fact('f-end', 'contract_ended', '2026-04-01T00:00:00.000Z', 48_000, null);

/** The event a command produced, as history for the next step. */
function after(history: OutcomeEvent[], command: OutcomeCommand): OutcomeEvent[] {
  const state = history.reduce(outcomeDecider.evolve, outcomeDecider.initialState());
  return [...history, ...decide(command, state)];
}
const last = (events: OutcomeEvent[]) => events[events.length - 1] as OutcomeRecorded;

describe('no outcome yet', () => {
  it('a renewal fact records renewed, Verified, with the ARR kept', () => {
    spec
      .given([])
      .when(renewal)
      .then([
        {
          type: 'OutcomeRecorded',
          data: {
            reportId,
            tenantId,
            report,
            source: {
              type: 'fact',
              factId: 'f-renew',
              fact: 'contract_renewed',
              effectiveAt: '2026-05-01T00:00:00.000Z',
            },
            proposed: { outcome: 'renewed', revenueImpact: 48_000 },
            outcome: 'renewed',
            revenueImpact: 48_000,
            verification: 'Verified',
            decidedAt: '2026-06-01T00:00:00.000Z',
          },
        },
      ]);
  });

  it('a fact from before the report was raised is not its outcome', () => {
    spec
      .given([])
      .when(fact('f-old', 'contract_ended', '2026-02-01T00:00:00.000Z', 1, null))
      .thenNothingHappened();
  });

  it('a fact that says nothing (ARR unchanged) records nothing', () => {
    spec
      .given([])
      .when(fact('f-arr', 'arr_changed', '2026-04-01T00:00:00.000Z', 5, 5))
      .thenNothingHappened();
  });

  it('an outcome set by hand alone is Pending', () => {
    const [event] = after([], byHand('churned', -48_000, 'they told us'));
    expect(event!.data).toMatchObject({
      outcome: 'churned',
      revenueImpact: -48_000,
      verification: 'Pending',
    });
  });
});

describe('recorded from facts', () => {
  it('the same fact again records nothing', () => {
    spec.given(after([], renewal)).when(renewal).thenNothingHappened();
  });

  it('the latest fact by effective time wins, whatever order the facts arrive in', () => {
    const endedFirst = last(after(after([], ended), renewal));
    const renewalFirst = after(after([], renewal), ended);
    expect(endedFirst.data).toMatchObject({ outcome: 'renewed', verification: 'Verified' });
    expect(renewalFirst).toHaveLength(1);
    expect(last(renewalFirst).data.outcome).toBe('renewed');
  });

  it('a person agreeing is Verified and may give the figure; disagreeing is Disputed', () => {
    const agreed = last(after(after([], renewal), byHand('renewed', 50_000)));
    expect(agreed.data).toMatchObject({
      outcome: 'renewed',
      revenueImpact: 50_000,
      verification: 'Verified',
    });
    const disputed = last(after(after([], renewal), byHand('churned', -48_000, 'they gave notice')));
    expect(disputed.data).toMatchObject({
      outcome: 'churned',
      revenueImpact: -48_000,
      verification: 'Disputed',
    });
  });
});

describe('set by hand', () => {
  it('a later fact that agrees verifies it and fills the figure the person left out', () => {
    const events = after(after([], byHand('renewed')), renewal);
    expect(last(events).data).toMatchObject({
      outcome: 'renewed',
      revenueImpact: 48_000,
      verification: 'Verified',
    });
  });

  it('a later fact that contradicts it disputes it, keeping the manual verdict', () => {
    const events = after(after([], byHand('renewed', 48_000)), ended);
    expect(last(events).data).toMatchObject({ outcome: 'renewed', verification: 'Disputed' });
    expect(last(events).data.proposed).toEqual({ outcome: 'churned', revenueImpact: -48_000 });
  });

  it('the same answer twice records nothing; a changed one records again', () => {
    const history = after([], byHand('no_change', 0, 'quiet quarter'));
    spec
      .given(history)
      .when(byHand('no_change', 0, 'quiet quarter'))
      .thenNothingHappened();
    expect(after(history, byHand('renewed', 0, 'quiet quarter'))).toHaveLength(2);
  });
});
