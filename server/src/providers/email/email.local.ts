import type { EmailSender, EmailSent } from './email.port';

/**
 * The local outbox (no SMTP settings): the email row the email module stored is the outbox, so
 * "sending" only confirms it; the console's Outbox page shows it to staff.
 */
export class LocalOutboxEmailSender implements EmailSender {
  readonly kind = 'local-outbox';

  send(): Promise<EmailSent> {
    return Promise.resolve({ response: null });
  }

  close(): void {}
}
