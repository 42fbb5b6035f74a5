import { createHmac } from 'node:crypto';
import { SIGNATURE_HEADER, signWebhook, verifyWebhook } from './signature';

const secret = 'whsec_test_5f1c';
const body = '{"type":"ReportCreated","reportId":"rep-1"}';
const t = 1_750_064_400;

describe('signWebhook', () => {
  it('produces t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signWebhook({ secret, body, timestamp: t })).toBe(`t=${t},v1=${expected}`);
    expect(SIGNATURE_HEADER).toBe('X-Foresight-Signature');
  });

  it('signs raw bytes the same as the equivalent string', () => {
    expect(signWebhook({ secret, body: Buffer.from(body), timestamp: t })).toBe(
      signWebhook({ secret, body, timestamp: t }),
    );
  });
});

describe('verifyWebhook', () => {
  const header = signWebhook({ secret, body, timestamp: t });

  it('accepts a genuine request within the tolerance', () => {
    expect(verifyWebhook({ secret, body, header, now: t + 299 })).toEqual({ ok: true, timestamp: t });
  });

  it('rejects a changed body, a wrong secret, and a replay outside the tolerance', () => {
    expect(verifyWebhook({ secret, body: body.replace('rep-1', 'rep-2'), header, now: t })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
    expect(verifyWebhook({ secret: 'other', body, header, now: t })).toMatchObject({
      reason: 'signature_mismatch',
    });
    expect(verifyWebhook({ secret, body, header, now: t + 301 })).toMatchObject({
      reason: 'timestamp_out_of_tolerance',
    });
    expect(verifyWebhook({ secret, body, header, now: t - 301 })).toMatchObject({
      reason: 'timestamp_out_of_tolerance',
    });
  });

  it('rejects a signature moved to another timestamp (the timestamp is signed too)', () => {
    const v1 = header.split('v1=')[1];
    expect(verifyWebhook({ secret, body, header: `t=${t + 60},v1=${v1}`, now: t + 60 })).toMatchObject({
      reason: 'signature_mismatch',
    });
  });

  it('names a missing or malformed header', () => {
    expect(verifyWebhook({ secret, body, header: undefined, now: t })).toMatchObject({
      reason: 'missing_header',
    });
    for (const bad of ['garbage', `t=${t}`, `t=abc,v1=${'0'.repeat(64)}`, `t=${t},v1=short`]) {
      expect(verifyWebhook({ secret, body, header: bad, now: t })).toMatchObject({
        reason: 'malformed_header',
      });
    }
  });

  it('accepts any of several secrets during a rotation, and any v1 among several', () => {
    expect(verifyWebhook({ secret: ['new-secret', secret], body, header, now: t })).toMatchObject({
      ok: true,
    });
    const rotated = signWebhook({ secret: 'new-secret', body, timestamp: t });
    const both = `${header},v1=${rotated.split('v1=')[1]}`;
    expect(verifyWebhook({ secret: 'new-secret', body, header: both, now: t })).toMatchObject({ ok: true });
  });
});
