import type { DataSource } from 'typeorm';
import type { EmailAttachment } from '../../providers/email/email.port';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Email, EmailStatus, type EmailKind } from './email.entity';

export interface NewEmail {
  idempotencyKey: string;
  kind: EmailKind;
  to: string;
  from: string;
  subject: string;
  text: string;
  attachments: EmailAttachment[];
  messageId: string;
}

/** Emails: the only code that knows how they are stored. */
export class EmailRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Inserts the email unless its key is there already: the new row's id, or null. */
  async insertOnce(tx: Tx, email: NewEmail): Promise<string | null> {
    const rows = (await this.manager(tx).query(
      `INSERT INTO email (idempotency_key, kind, to_address, from_address, subject, text_body, attachments, message_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id`,
      [email.idempotencyKey, email.kind, email.to, email.from, email.subject, email.text, JSON.stringify(email.attachments), email.messageId],
    )) as Array<{ id: string }>;
    return rows[0]?.id ?? null;
  }

  findByKeys(keys: string[]): Promise<Email[]> {
    return this.manager().createQueryBuilder(Email, 'email').where('email.idempotency_key = ANY(:keys)', { keys }).orderBy('email.kind').getMany();
  }

  findById(id: string): Promise<Email | null> {
    return this.manager().findOneBy(Email, { id });
  }

  lock(tx: Tx, id: string): Promise<Email | null> {
    return this.manager(tx).createQueryBuilder(Email, 'email').setLock('pessimistic_write').where('email.id = :id', { id }).getOne();
  }

  /** Records that an attempt begins, before anything is handed to the server. */
  async beginAttempt(tx: Tx, id: string): Promise<void> {
    await this.manager(tx).query(`UPDATE email SET status = $2, attempts = attempts + 1, last_attempt_at = now() WHERE id = $1`, [id, EmailStatus.SENDING]);
  }

  async recordDelivered(id: string, outcome: { status: EmailStatus.SENT | EmailStatus.OUTBOX; smtpResponse: string | null }): Promise<void> {
    await this.manager().query(`UPDATE email SET status = $2, smtp_response = $3, sent_at = now(), last_error = NULL WHERE id = $1`, [id, outcome.status, outcome.smtpResponse]);
  }

  /** A failed attempt: QUEUED again (a retry follows), SENDING (outcome unknown, a retry follows) or FAILED for good. */
  async recordFailure(id: string, status: EmailStatus.QUEUED | EmailStatus.SENDING | EmailStatus.FAILED, error: string): Promise<void> {
    // Never undo a success another attempt recorded meanwhile.
    await this.manager().query(`UPDATE email SET status = $2, last_error = $3 WHERE id = $1 AND status NOT IN ('SENT', 'OUTBOX')`, [id, status, error.slice(0, 2000)]);
  }

  list(args: ConnectionArgs): Promise<Connection<Email>> {
    const query = this.manager().createQueryBuilder(Email, 'email');
    return paginate({ query, alias: 'email', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }
}
