import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** A reply staff insert by its shortcut (typed as /deposit), with placeholders filled from the thread. */
@Entity({ name: 'canned_reply' })
@ObjectType()
export class CannedReply {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('CannedReply', this.id);
  }

  @Field(() => String, { description: 'Lower case, without the slash: "deposit" is typed as /deposit.' })
  @Column({ type: 'varchar', length: 32 })
  shortcut!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 80 })
  title!: string;

  @Field(() => String, { description: 'The text, with placeholders such as {customer.firstName} (see cannedReplyPlaceholders).' })
  @Column({ type: 'text' })
  body!: string;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
