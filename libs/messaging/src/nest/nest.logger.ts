import { Logger } from '@nestjs/common';
import { MessagingLogger } from '../messaging.hooks';

/** Nest's logger (pino under nestjs-pino) behind our pino-ordered interface. */
export function nestLogger(context: string): MessagingLogger {
  const logger = new Logger(context);
  return {
    debug: (fields, msg) => logger.debug({ msg, ...fields }),
    info: (fields, msg) => logger.log({ msg, ...fields }),
    warn: (fields, msg) => logger.warn({ msg, ...fields }),
    error: (fields, msg) => logger.error({ msg, ...fields }),
  };
}
