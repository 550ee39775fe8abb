import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Whether an address on a channel has opted out (STOP) or back in (START), and by which keyword. */
@Entity({ name: 'messaging_consent' })
export class MessagingConsent {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  channel!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  address!: string;

  @Column({ type: 'boolean', name: 'opted_out' })
  optedOut!: boolean;

  @Column({ type: 'varchar', length: 20 })
  keyword!: string;

  @Column({ type: 'timestamptz', name: 'changed_at' })
  changedAt!: Date;
}
