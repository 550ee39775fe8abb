/**
 * Sending an email. Implementations, chosen at start by ../../modules/email/email.module.ts:
 *   - email.smtp.ts   nodemailer over the SMTP server of configuration (SMTP_URL or SMTP_HOST...);
 *   - email.local.ts  the local outbox: nothing leaves the machine, the stored email is what the
 *     console's Outbox shows (the default without SMTP settings).
 * To add another, implement `EmailSender`: honour the signal, and turn the vendor's failures into
 * EmailSendError saying whether trying again can help.
 */

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** The attachment's text (reports are CSV). */
  content: string;
}

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
  /**
   * The Message-ID header, "<...@...>": stable for one email across attempts, so a copy sent
   * again after a lost answer is recognisable as the same message (mail clients fold them).
   */
  messageId: string;
}

export interface EmailSent {
  /** The server's answer to the message, e.g. "250 OK: queued as 5E2A1"; null for the local outbox. */
  response: string | null;
}

export interface EmailSender {
  /** 'smtp' sends; 'local-outbox' keeps the email where the console shows it. */
  readonly kind: 'smtp' | 'local-outbox';
  send(email: OutgoingEmail, signal: AbortSignal): Promise<EmailSent>;
  close(): void;
}

/**
 * A send that failed. `permanent`: the server refused the message for good (a 5xx answer, a
 * rejected login): trying again sends nothing. Otherwise it may work later (connection refused,
 * a 4xx answer, a timeout). `mayHaveBeenDelivered`: the connection broke after the message was
 * handed over, so the server may have it even though it never said so.
 */
export class EmailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly mayHaveBeenDelivered: boolean,
  ) {
    super(message);
    this.name = 'EmailSendError';
  }
}
