import type { DataSource } from 'typeorm';
import { Column, CreateDateColumn, Entity, MoreThanOrEqual, PrimaryGeneratedColumn } from 'typeorm';
import type { OutgoingMessage } from '../outbound.port';
import type { SmsSender, SmsStatus } from './sms.port';

/** A text the local SMS sender "sent": kept so staff and tests can see exactly what would go out. */
@Entity({ name: 'sms_outbox' })
export class OutboxSms {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16, name: 'to_number' })
  to!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 32 })
  purpose!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

const PREFIX = 'outbox-';

export class LocalOutboxSmsSender implements SmsSender {
  readonly kind = 'local-outbox';
  constructor(private readonly dataSource: DataSource) {}

  async send(message: OutgoingMessage): Promise<{ providerMessageId: string }> {
    const saved = await this.dataSource.getRepository(OutboxSms).save({ to: message.to, body: message.body, purpose: message.purpose });
    return { providerMessageId: `${PREFIX}${saved.id}` };
  }

  async findSent(params: { to: string; body: string; since: Date }): Promise<Array<{ providerMessageId: string }>> {
    const found = await this.dataSource.getRepository(OutboxSms).find({
      where: { to: params.to, body: params.body, createdAt: MoreThanOrEqual(params.since) },
      order: { createdAt: 'ASC' },
    });
    return found.map((sms) => ({ providerMessageId: `${PREFIX}${sms.id}` }));
  }

  /** The outbox is the destination: a stored text counts as delivered. */
  async status(providerMessageId: string): Promise<SmsStatus | null> {
    const id = providerMessageId.startsWith(PREFIX) ? providerMessageId.slice(PREFIX.length) : null;
    return id && (await this.dataSource.getRepository(OutboxSms).existsBy({ id })) ? 'DELIVERED' : null;
  }
}
