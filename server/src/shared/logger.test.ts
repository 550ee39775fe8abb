import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, type LogFormat } from './logger';

const SECRETS = {
  password: 'hunter2-correct-horse',
  token: 'tok_live_4f9a8b7c6d5e',
  authorization: 'Bearer sk-abcdef0123456789',
  email: 'guest.name@example.test',
  phone: '+15555550123',
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Logs one line through a logger writing to a file, and reads the file back at once (no flush, no wait). */
function logOneLine(format: LogFormat, log: (logger: ReturnType<typeof createLogger>) => void): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'logger-test-'));
  const file = path.join(dir, 'out.log');
  const fd = openSync(file, 'w');
  try {
    log(createLogger('info', format, fd));
    return readFileSync(file, 'utf8');
  } finally {
    closeSync(fd);
  }
}

describe('createLogger', () => {
  it.each<LogFormat>(['json', 'pretty'])('never writes a credential or personal datum in %s', (format) => {
    const output = logOneLine(format, (logger) =>
      logger.info(
        {
          ...SECRETS,
          user: { email: SECRETS.email, phone: SECRETS.phone },
          req: { headers: { authorization: SECRETS.authorization } },
          variables: { input: { password: SECRETS.password } },
          session: { token: SECRETS.token },
        },
        'staff signed in',
      ),
    );
    expect(output).toContain('staff signed in');
    expect(output).toContain('[redacted]');
    for (const secret of Object.values(SECRETS)) expect(output).not.toContain(secret);
  });

  it('writes JSON lines in json, for log collectors', () => {
    const output = logOneLine('json', (logger) => logger.warn({ queue: 'webhooks' }, 'job queue error'));
    expect(JSON.parse(output)).toMatchObject({ level: 40, queue: 'webhooks', msg: 'job queue error' });
  });

  it('writes readable lines in pretty, for a terminal', () => {
    const output = logOneLine('pretty', (logger) => logger.warn({ queue: 'webhooks' }, 'job queue error'));
    expect(() => JSON.parse(output)).toThrow();
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] WARN: job queue error\n\s+queue: "webhooks"\n$/);
  });
});
