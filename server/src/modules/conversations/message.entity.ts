import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { Channel } from './channel';

export enum MessageDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(MessageDirection, { name: 'MessageDirection' });

export enum MessageAuthor {
  CUSTOMER = 'CUSTOMER',
  AI = 'AI',
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
}
registerEnumType(MessageAuthor, { name: 'MessageAuthor' });

/** Where a person wrote a staff message when it was not in this console. */
export enum MessageVia {
  PAGE_INBOX = 'PAGE_INBOX',
  INSTAGRAM_APP = 'INSTAGRAM_APP',
}
registerEnumType(MessageVia, {
  name: 'MessageVia',
  valuesConfig: {
    PAGE_INBOX: { description: 'Typed in the Facebook Page inbox (or Meta Business Suite) and echoed to us by Meta.' },
    INSTAGRAM_APP: { description: 'Typed in the Instagram app (or Meta Business Suite) and echoed to us by Meta.' },
  },
});

export enum DeliveryStatus {
  RECEIVED = 'RECEIVED',
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
  UNCONFIRMED = 'UNCONFIRMED',
}
registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  valuesConfig: {
    UNCONFIRMED: { description: 'The provider’s answer was lost and it cannot be asked whether the message went out: check with the customer, then resendMessage if it did not.' },
  },
});

@Entity({ name: 'message' })
@Index(['conversationId', 'createdAt'])
@ObjectType()
export class Message {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Message', this.id);
  }

  @Column({ type: 'uuid', name: 'conversation_id' })
  conversationId!: string;

  @Field(() => Channel, { description: 'The channel this message came in or went out on; a reply to a phone call goes out as SMS.' })
  @Column({ type: 'varchar', length: 20 })
  channel!: Channel;

  @Field(() => MessageDirection)
  @Column({ type: 'varchar', length: 10 })
  direction!: MessageDirection;

  @Field(() => MessageAuthor)
  @Column({ type: 'varchar', length: 10 })
  author!: MessageAuthor;

  @Field(() => String)
  @Column({ type: 'text' })
  text!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 128, name: 'provider_message_id', nullable: true })
  providerMessageId!: string | null;

  @Field(() => DeliveryStatus)
  @Column({ type: 'varchar', length: 16, name: 'delivery_status' })
  deliveryStatus!: DeliveryStatus;

  @Column({ type: 'uuid', name: 'staff_user_id', nullable: true })
  staffUserId!: string | null;

  /** The staff member's first name as the customer saw it on their reply; null for every other message. */
  @Field(() => String, { nullable: true, description: 'The first name of the staff member who wrote it, as the customer sees it; null for every other message.' })
  @Column({ type: 'varchar', length: 100, name: 'sender_name', nullable: true })
  senderName!: string | null;

  @Field(() => MessageVia, { nullable: true, description: 'Where staff wrote it when not in this console; null for every other message.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  via!: MessageVia | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
