import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How far one staff member has read one thread. Moved forward only; the customer's messages
 * after `lastReadAt` are that person's unread count for the thread.
 */
@Entity({ name: 'conversation_read_marker' })
export class ReadMarker {
  @PrimaryColumn({ type: 'uuid', name: 'staff_user_id' })
  staffUserId!: string;

  @PrimaryColumn({ type: 'uuid', name: 'conversation_id' })
  conversationId!: string;

  @Column({ type: 'uuid', name: 'last_read_message_id', nullable: true })
  lastReadMessageId!: string | null;

  @Column({ type: 'timestamptz', name: 'last_read_at' })
  lastReadAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
