import { isatty } from 'node:tty';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

/** `json`: one JSON object a line, for log collectors; `pretty`: readable lines for a terminal. */
export type LogFormat = 'json' | 'pretty';

/** Credentials and personal data never reach a log line: these paths are redacted wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'headers.authorization',
  'variables.password',
  'variables.input.password',
  'phone',
  '*.phone',
  'email',
  '*.email',
];

/**
 * Logs on `fd` (stdout), redacted before either format sees them. Both formats write synchronously
 * in this thread: the lines logged just before an exit are never lost, and no transport worker
 * thread has to start before the server can.
 */
export function createLogger(level: string, format: LogFormat = 'json', fd = 1): Logger {
  const destination = format === 'pretty' ? prettyStream(fd) : pino.destination({ fd, sync: true });
  return pino({ level, base: undefined, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}

function prettyStream(fd: number) {
  // Loaded only for pretty logs: production and the test servers skip its ~60 modules at start.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pretty = require('pino-pretty') as typeof PinoPretty;
  return pretty({ destination: fd, sync: true, colorize: isatty(fd), translateTime: 'SYS:HH:MM:ss.l' });
}
