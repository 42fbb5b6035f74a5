import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DomainError, DomainErrorKind } from '@foresight/domain';
import type { FastifyReply } from 'fastify';

const statusOf: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  locked: HttpStatus.LOCKED,
  limit: HttpStatus.TOO_MANY_REQUESTS,
};

/** The one place where domain error kinds become HTTP status codes. */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter<DomainError> {
  catch(error: DomainError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = statusOf[error.kind];
    void reply
      .status(status)
      .send({ statusCode: status, code: error.code, message: error.message, ...(error.details ?? {}) });
  }
}
