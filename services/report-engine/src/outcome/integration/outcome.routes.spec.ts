import { parse, ReportOutcomeRecorded, Topics } from '@foresight/contracts';
import type { RecordedEvent } from '@foresight/eventstore';
import { outcomeRoute } from './outcome.routes';

const recorded = (stream: string): RecordedEvent => ({
  id: 'e-1',
  stream,
  type: 'OutcomeRecorded',
  revision: 0,
  position: 1n,
  checkpoint: '1',
  occurredAt: new Date('2026-06-01T00:00:00Z'),
  recordedAt: new Date('2026-06-01T00:00:00Z'),
  metadata: { tenantId: 't' },
  data: {
    reportId: '0b8a4bd6-8f47-4a34-9d1c-3a33d7c1a0f1',
    tenantId: 't',
    report: {
      accountId: '5a0c0f8e-3f7d-4a52-9a5c-1b6d2c3e4f50',
      kind: 'REVENUE_AT_RISK',
      subject: { type: 'contract', id: 'c-1' },
      ownerEmail: 'owner@a.test',
      raisedAt: '2026-03-05T10:00:00.000Z',
    },
    source: {
      type: 'fact',
      factId: 'f-1',
      fact: 'contract_renewed',
      effectiveAt: '2026-05-01T00:00:00.000Z',
    },
    proposed: { outcome: 'renewed', revenueImpact: 48_000 },
    outcome: 'renewed',
    revenueImpact: 48_000,
    verification: 'Verified',
    decidedAt: '2026-06-01T00:00:00.000Z',
  },
});

describe('outcomeRoute', () => {
  it('publishes each ledger event as a valid ReportOutcomeRecorded keyed by account', () => {
    const route = outcomeRoute(recorded('outcome-0b8a4bd6-8f47-4a34-9d1c-3a33d7c1a0f1'));
    expect(route).toMatchObject({
      topic: Topics.reportOutcomes,
      key: '5a0c0f8e-3f7d-4a52-9a5c-1b6d2c3e4f50',
      type: ReportOutcomeRecorded.type,
    });
    expect(parse(ReportOutcomeRecorded.type, route!.payload as object)).toMatchObject({
      ok: true,
      value: { kind: 'REVENUE_AT_RISK', subject: { type: 'contract', id: 'c-1' }, verification: 'Verified' },
    });
  });

  it('leaves other streams to their own routes', () => {
    expect(outcomeRoute(recorded('report-0b8a4bd6-8f47-4a34-9d1c-3a33d7c1a0f1'))).toBeUndefined();
  });
});
