import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from '../../app/config';
import { EmailSendError, type EmailSender, type EmailSent, type OutgoingEmail } from './email.port';

/** What nodemailer puts on its errors (smtp-connection's _formatError and timeoutError). */
interface SmtpFailure extends Error {
  code?: string;
  /** The system error under nodemailer's code, e.g. ECONNREFUSED under ESOCKET. */
  originalCode?: string;
  responseCode?: number;
  timeoutType?: string;
}

/**
 * Failures without an answer that still leave the server without the message: nobody to talk
 * to, or the conversation never got past its greeting or TLS. Any other silence (a socket
 * timeout or a close mid-conversation, which nodemailer reports alike whatever was sent) may
 * have come after the server took the message.
 */
const NOT_REACHED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EDNS', 'ETLS', 'ECONFIG', 'EPROXY']);
const NOT_REACHED_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'DNS_TIMEOUT']);

/**
 * Email over SMTP with nodemailer (the maintained Node mailer: MIME, attachments, STARTTLS and
 * login done right). One connection per message: reports are a few a week, a pool would idle.
 * The settings hold the password: they are handed to nodemailer and never logged.
 */
export class SmtpEmailSender implements EmailSender {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(settings: SmtpSettings, timeoutMs: number) {
    const timeouts = { connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs, dnsTimeout: timeoutMs };
    this.transport =
      'url' in settings
        ? nodemailer.createTransport({ url: settings.url, ...timeouts } as Parameters<typeof nodemailer.createTransport>[0])
        : nodemailer.createTransport({ host: settings.host, port: settings.port, secure: settings.secure, auth: settings.auth ?? undefined, ...timeouts });
  }

  async send(email: OutgoingEmail, signal: AbortSignal): Promise<EmailSent> {
    signal.throwIfAborted();
    try {
      const info = (await this.transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: email.messageId,
        attachments: email.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
      })) as { response?: string };
      return { response: typeof info.response === 'string' ? info.response.slice(0, 1000) : null };
    } catch (error) {
      throw classify(error as SmtpFailure);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** 5xx and a refused login are final; 4xx, refused connections and timeouts are worth another try. */
export function classify(error: SmtpFailure): EmailSendError {
  const code = error.responseCode;
  const permanent = (code !== undefined && code >= 500) || error.code === 'EAUTH' || error.code === 'ENOAUTH';
  // A server that answered said what it did with the message; silence mid-conversation leaves it unknown.
  const notReached =
    NOT_REACHED_CODES.has(error.originalCode ?? '') || NOT_REACHED_CODES.has(error.code ?? '') || NOT_REACHED_TIMEOUTS.has(error.timeoutType ?? '');
  const mayHaveBeenDelivered = code === undefined && !notReached;
  return new EmailSendError(error.message.slice(0, 1000), permanent, mayHaveBeenDelivered);
}
