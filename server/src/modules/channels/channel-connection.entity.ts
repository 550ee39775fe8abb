import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A provider connection as stored: the webhook subscription and how it stands. */
@Entity({ name: 'channel_connection' })
export class ChannelConnectionRow {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  provider!: string;

  @Column({ type: 'varchar', length: 120, name: 'subscription_id', nullable: true })
  subscriptionId!: string | null;

  @Column({ type: 'timestamptz', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'varchar', length: 20 })
  status!: string;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
