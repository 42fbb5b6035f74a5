import { randomBytes } from 'node:crypto';

/** Names that never collide between test runs sharing one broker or database. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}
