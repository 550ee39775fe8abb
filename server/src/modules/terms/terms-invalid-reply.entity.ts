import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reply to the terms request that was neither a yes nor a no. The owner's metrics count them per day. */
@Entity({ name: 'terms_invalid_reply' })
@ObjectType({ description: 'A reply to the terms request that could not be read as yes or no.' })
export class TermsInvalidReply {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId!: string;

  @Field(() => String)
  @Column({ type: 'text' })
  text!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', precision: 3, name: 'received_at' })
  receivedAt!: Date;
}
