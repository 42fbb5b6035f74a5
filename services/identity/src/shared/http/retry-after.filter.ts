import { ArgumentsHost, Catch } from '@nestjs/common';
import { DomainError } from '@foresight/domain';
import { DomainErrorFilter } from '@foresight/service-kit';
import type { FastifyReply } from 'fastify';

/**
 * service-kit's mapping, plus `Retry-After` when the refusal says when to come back (a locked
 * account), so clients can wait without parsing the body.
 */
@Catch(DomainError)
export class RetryAfterFilter extends DomainErrorFilter {
  override catch(error: DomainError, host: ArgumentsHost): void {
    const seconds = error.details?.['retryAfterSeconds'];
    if (typeof seconds === 'number')
      void host.switchToHttp().getResponse<FastifyReply>().header('Retry-After', String(seconds));
    super.catch(error, host);
  }
}
