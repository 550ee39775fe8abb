import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs on stdout. Credentials and personal data never reach a log line:
 * these paths are redacted wherever they appear in a logged object.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: [
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
      ],
      censor: '[redacted]',
    },
  });
}
