import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/**
 * A private note staff leave in a thread. A table of its own, not a kind of message: nothing that
 * sends, lists, counts or searches a thread's messages (the send queue, the web chat, unread
 * counts, previews) can reach it, so a note can never get to the customer.
 */
@Entity({ name: 'conversation_note' })
@ObjectType({ description: 'A private note in a thread: staff only, never sent to the customer.' })
export class ConversationNote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('ConversationNote', this.id);
  }

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId!: string;

  @Column({ type: 'uuid', name: 'staff_user_id' })
  staffUserId!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
