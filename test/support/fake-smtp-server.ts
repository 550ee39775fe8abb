import { once } from 'node:events';
import net from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server (the `smtp-server` package) the real nodemailer in the server talks to.
 * It keeps every message it accepted, parsed by `mailparser`; `refuseNext` answers the next
 * messages' DATA with an SMTP error (421 is temporary, 550 permanent); `answerLateNext` keeps
 * the next messages but answers only after `lateMs` (the sender has given up by then: its answer
 * is lost); `stop()` and `start()` on the same port stage an outage.
 */
export interface FakeSmtp {
  port: number;
  received: ParsedMail[];
  /** Messages refused so far (each one a try the server made). */
  refused: number;
  refuseNext(count: number, code: number, message: string): void;
  answerLateNext(count: number, lateMs: number): void;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

export async function startFakeSmtp(options: { listening?: boolean } = {}): Promise<FakeSmtp> {
  const port = await freePort();
  const received: ParsedMail[] = [];
  let refusals: { count: number; code: number; message: string } = { count: 0, code: 0, message: '' };
  let late = { count: 0, ms: 0 };
  let server: SMTPServer | null = null;
  const fake: FakeSmtp = {
    port,
    received,
    refused: 0,
    refuseNext(count, code, message) {
      refusals = { count, code, message };
    },
    answerLateNext(count, lateMs) {
      late = { count, ms: lateMs };
    },
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onData(stream, _session, callback) {
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            if (refusals.count > 0) {
              refusals.count -= 1;
              fake.refused += 1;
              const error = new Error(refusals.message) as Error & { responseCode: number };
              error.responseCode = refusals.code;
              return callback(error);
            }
            simpleParser(Buffer.concat(chunks))
              .then((mail) => {
                received.push(mail);
                const answer = () => callback(null, `OK: queued as fake-${received.length}`);
                if (late.count > 0) {
                  late.count -= 1;
                  setTimeout(answer, late.ms);
                } else {
                  answer();
                }
              })
              .catch((error: Error) => callback(error));
          });
        },
      });
      server.listen(port, '127.0.0.1');
      await once(server.server, 'listening');
    },
    async stop() {
      const running = server;
      server = null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
    },
  };
  if (options.listening !== false) await fake.start();
  return fake;
}
