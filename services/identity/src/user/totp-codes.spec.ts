import { SecretBox } from '../shared/crypto/secret-box';
import { base32Decode, base32Encode, TotpCodes, totpAt } from './totp-codes';

describe('TOTP codes (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890", 8-digit codes.
  const rfcSecret = Buffer.from('12345678901234567890', 'ascii');
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s gives %s', (seconds, code) => {
    expect(totpAt(rfcSecret, Math.floor(seconds / 30), 8)).toBe(code);
  });

  it('round-trips base32', () => {
    const bytes = Buffer.from('any bytes at all, odd length!');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('accepts the current code and its neighbours, nothing further off, and only for its user', () => {
    const codes = new TotpCodes(new SecretBox(Buffer.alloc(32, 7).toString('base64')));
    const { secret, sealed } = codes.newSecret('u-1');
    const key = base32Decode(secret);
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(codes.check(sealed, 'u-1', totpAt(key, step), now)).toBe(true);
    expect(codes.check(sealed, 'u-1', totpAt(key, step - 1), now)).toBe(true);
    expect(codes.check(sealed, 'u-1', totpAt(key, step + 2), now)).toBe(false);
    expect(() => codes.check(sealed, 'u-2', totpAt(key, step), now)).toThrow();
    expect(codes.uri('ann@acme.com', secret)).toBe(
      `otpauth://totp/Foresight%3Aann%40acme.com?secret=${secret}&issuer=Foresight&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
