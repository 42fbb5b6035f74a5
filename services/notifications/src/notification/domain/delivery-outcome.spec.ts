import { outcomeOfError, outcomeOfStatus } from './delivery-outcome';

describe('outcomeOfStatus', () => {
  it('counts any 2xx as delivered', () => {
    expect(outcomeOfStatus(200)).toEqual({ delivered: true, detail: 'HTTP 200' });
    expect(outcomeOfStatus(204)).toEqual({ delivered: true, detail: 'HTTP 204' });
  });

  it('retries server errors, throttling and other client errors; gives up at once on 410 Gone', () => {
    expect(outcomeOfStatus(503)).toEqual({ delivered: false, error: 'HTTP 503', retryable: true });
    expect(outcomeOfStatus(429)).toMatchObject({ retryable: true });
    expect(outcomeOfStatus(404)).toMatchObject({ retryable: true });
    expect(outcomeOfStatus(301)).toMatchObject({ delivered: false, retryable: true });
    expect(outcomeOfStatus(410)).toEqual({ delivered: false, error: 'HTTP 410', retryable: false });
  });

  it('retries a call that never got an answer', () => {
    expect(outcomeOfError('timed out after 5000 ms')).toEqual({
      delivered: false,
      error: 'timed out after 5000 ms',
      retryable: true,
    });
  });
});
