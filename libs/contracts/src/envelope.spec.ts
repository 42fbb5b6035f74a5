import { Envelope, envelopeFromHeaders, envelopeToHeaders, HEADER } from './envelope';

const envelope: Envelope = {
  eventId: '0193a6f0-0000-7000-8000-000000000001',
  type: 'ReportCreated',
  schemaVersion: 2,
  tenantId: '5b1c1f1e-1111-4111-8111-111111111111',
  occurredAt: '2026-11-25T08:00:00.000Z',
  correlationId: 'corr-1',
  causationId: null,
  source: 'report-engine',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  stream: 'report-42',
  revision: 3,
  position: '1207',
};

describe('envelope headers', () => {
  it('round-trips through Kafka-style Buffer headers', () => {
    const raw = Object.fromEntries(
      Object.entries(envelopeToHeaders(envelope)).map(([k, v]) => [k, Buffer.from(v)]),
    );
    expect(envelopeFromHeaders(raw)).toEqual({ ok: true, envelope });
  });

  it('omits absent optional fields instead of sending "undefined"', () => {
    const headers = envelopeToHeaders({ ...envelope, traceparent: undefined, causationId: null });
    expect(headers).not.toHaveProperty(HEADER.traceparent);
    expect(headers).not.toHaveProperty(HEADER.causationId);
  });

  it('names every missing required header', () => {
    const headers = envelopeToHeaders(envelope);
    delete headers[HEADER.tenantId];
    delete headers[HEADER.type];
    const result = envelopeFromHeaders(headers);
    expect(result).toEqual({ ok: false, missing: [HEADER.type, HEADER.tenantId] });
  });
});
