import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals webhook signing secrets at rest with AES-256-GCM when a key is configured. The secret must
 * be readable again (it signs every delivery), so it cannot be hashed like a password.
 */
export class SecretBox {
  private readonly key: Buffer | null;

  constructor(keyBase64: string | undefined) {
    this.key = keyBase64 ? Buffer.from(keyBase64, 'base64') : null;
  }

  seal(secret: string): { value: string; sealed: boolean } {
    if (!this.key) return { value: secret, sealed: false };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return {
      value: ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join(':'),
      sealed: true,
    };
  }

  open(value: string, sealed: boolean): string {
    if (!sealed) return value;
    if (!this.key) throw new Error('a sealed webhook secret needs NOTIFICATIONS_ENCRYPTION_KEY to be read');
    const [version, iv, tag, body] = value.split(':');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unrecognised sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}
