/** What one webhook call came to, in the terms the notification decider records. */
export type DeliveryOutcome =
  { delivered: true; detail: string } | { delivered: false; error: string; retryable: boolean };

/**
 * 2xx is a delivery. 410 Gone says the endpoint is retired: retrying cannot help, so it is dead-lettered
 * at once. Everything else (5xx, 429, other 4xx a fixed deployment may stop returning, timeouts,
 * refused connections) is retried with backoff until the attempts run out.
 */
export function outcomeOfStatus(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { delivered: true, detail: `HTTP ${status}` };
  return { delivered: false, error: `HTTP ${status}`, retryable: status !== 410 };
}

export function outcomeOfError(message: string): DeliveryOutcome {
  return { delivered: false, error: message, retryable: true };
}
