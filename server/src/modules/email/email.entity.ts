import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import type { EmailAttachment } from '../../providers/email/email.port';

export enum EmailStatus {
  /** Waiting for its send job. */
  QUEUED = 'QUEUED',
  /** An attempt began and has not recorded its outcome (it is running, or its answer was lost). */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Kept in the local outbox: no SMTP server is configured. */
  OUTBOX = 'OUTBOX',
  /** Refused for good (a 5xx answer) or out of retries. */
  FAILED = 'FAILED',
}
registerEnumType(EmailStatus, {
  name: 'EmailStatus',
  valuesConfig: {
    QUEUED: { description: 'Waiting to be sent (or to be tried again).' },
    SENDING: { description: 'Being sent now, or the last attempt never heard back.' },
    SENT: { description: 'The SMTP server accepted it.' },
    OUTBOX: { description: 'Kept in the local outbox: no SMTP server is configured.' },
    FAILED: { description: 'The SMTP server refused it for good, or every retry failed.' },
  },
});

export enum EmailKind {
  WEEKLY_RECONCILIATION = 'WEEKLY_RECONCILIATION',
  WEEKLY_SUMMARY = 'WEEKLY_SUMMARY',
}
registerEnumType(EmailKind, { name: 'EmailKind' });

@ObjectType({ description: 'A file sent with an email.' })
export class EmailAttachmentInfo {
  @Field(() => String) filename!: string;
  @Field(() => String) contentType!: string;
  @Field(() => Int, { description: 'Its size in bytes.' }) size!: number;
}

/**
 * An email the product sends, once per idempotency key: the outbox without SMTP, the record of
 * what went with it. Its body is plain text (the console shows it as text, never as HTML).
 */
@Entity({ name: 'email' })
@ObjectType({ description: 'An email the business sends (the weekly reports): what it said, to whom, and whether it went.' })
export class Email {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Email', this.id);
  }

  /** e.g. weekly-reconciliation:2026-11-23; unique, so asking twice never makes a second email. */
  @Column({ type: 'varchar', length: 200, name: 'idempotency_key' })
  idempotencyKey!: string;

  @Field(() => EmailKind)
  @Column({ type: 'varchar', length: 32 })
  kind!: EmailKind;

  @Field(() => String)
  @Column({ type: 'varchar', length: 320, name: 'to_address' })
  to!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 320, name: 'from_address' })
  from!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Field(() => String, { description: 'The body, plain text.' })
  @Column({ type: 'text', name: 'text_body' })
  text!: string;

  @Column({ type: 'jsonb' })
  attachments!: EmailAttachment[];

  @Field(() => String, { description: 'Its Message-ID header, the same on every attempt: a copy sent twice is recognisable.' })
  @Column({ type: 'varchar', length: 300, name: 'message_id' })
  messageId!: string;

  @Field(() => EmailStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: EmailStatus;

  @Field(() => Int, { description: 'Attempts made to send it.' })
  @Column({ type: 'integer' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  @Column({ type: 'varchar', length: 2000, name: 'last_error', nullable: true })
  lastError!: string | null;

  @Field(() => String, { nullable: true, description: "The SMTP server's answer when it accepted the message." })
  @Column({ type: 'varchar', length: 1000, name: 'smtp_response', nullable: true })
  smtpResponse!: string | null;

  @Column({ type: 'timestamptz', name: 'last_attempt_at', nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the SMTP server accepted it, or it went to the outbox.' })
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => [EmailAttachmentInfo])
  get attachmentList(): EmailAttachmentInfo[] {
    return this.attachments.map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, size: Buffer.byteLength(attachment.content, 'utf8') }));
  }
}
