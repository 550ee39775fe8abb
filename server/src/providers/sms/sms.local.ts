import type { DataSource } from 'typeorm';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OutgoingSms, SmsSender } from './sms.port';

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

export class LocalOutboxSmsSender implements SmsSender {
  readonly kind = 'local-outbox';
  constructor(private readonly dataSource: DataSource) {}

  async send(message: OutgoingSms): Promise<{ providerMessageId: string }> {
    const saved = await this.dataSource.getRepository(OutboxSms).save({ to: message.to, body: message.body, purpose: message.purpose });
    return { providerMessageId: `outbox-${saved.id}` };
  }
}
