import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32).toString('base64');

  it('seals with a key, so the stored value does not contain the secret, and opens it again', () => {
    const box = new SecretBox(key);
    const { value, sealed } = box.seal('whsec_abc123');
    expect(sealed).toBe(true);
    expect(value).not.toContain('whsec_abc123');
    expect(box.open(value, sealed)).toBe('whsec_abc123');
  });

  it('refuses to open with another key', () => {
    const { value } = new SecretBox(key).seal('whsec_abc123');
    expect(() => new SecretBox(randomBytes(32).toString('base64')).open(value, true)).toThrow();
  });

  it('stores the secret as given when no key is configured', () => {
    const box = new SecretBox(undefined);
    expect(box.seal('whsec_abc123')).toEqual({ value: 'whsec_abc123', sealed: false });
    expect(() => box.open('v1:x:y:z', true)).toThrow(/NOTIFICATIONS_ENCRYPTION_KEY/);
  });
});
