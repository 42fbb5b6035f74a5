const announced = new Set<string>();

/**
 * `describe` when the condition holds; otherwise Jest's skipping describe, so the suite shows up as
 * skipped (never as passed) and the reason is printed once per run of the file.
 */
export function describeIf(condition: boolean, reason: string): jest.Describe {
  if (condition) return describe;
  if (!announced.has(reason)) {
    announced.add(reason);
    console.warn(`[skipped] ${reason}`);
  }
  return describe.skip;
}
