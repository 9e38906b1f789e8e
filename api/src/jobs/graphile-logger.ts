import type { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'graphile-worker';

/** graphile-worker's log lines through a Nest logger: its info and debug lines are routine, so both go to debug. */
export function graphileLogger(logger: Pick<NestLogger, 'error' | 'warn' | 'debug'>): Logger {
  return new Logger(() => (level, message) => {
    if (level === 'error') logger.error(message);
    else if (level === 'warning') logger.warn(message);
    else logger.debug(message);
  });
}
