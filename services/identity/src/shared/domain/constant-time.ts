import { timingSafeEqual } from 'node:crypto';

/** Compares two digests without an early exit, so the time taken says nothing about where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  // Unequal lengths would throw; compare against itself to spend the same time, then refuse.
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
