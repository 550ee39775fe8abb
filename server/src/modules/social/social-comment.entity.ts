import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

export enum SocialSource {
  FACEBOOK = 'FACEBOOK',
  INSTAGRAM = 'INSTAGRAM',
}
registerEnumType(SocialSource, { name: 'SocialSource' });

export enum LeadStatus {
  NEW = 'NEW',
  CONTACTED = 'CONTACTED',
  CLOSED = 'CLOSED',
}
registerEnumType(LeadStatus, { name: 'LeadStatus' });

/** Someone who asked about booking in public (a page or Instagram comment): staff follow up. */
@ObjectType({ description: 'A prospective customer to follow up, e.g. a comment asking about booking.' })
@Entity({ name: 'lead' })
export class Lead {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Lead', this.id);
  }

  @Field(() => SocialSource)
  @Column({ type: 'varchar', length: 20 })
  source!: SocialSource;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, name: 'contact_name', nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true, description: 'The Facebook or Instagram id to reach them by.' })
  @Column({ type: 'varchar', length: 120, name: 'contact_handle', nullable: true })
  contactHandle!: string | null;

  @Field(() => String, { description: 'What they asked.' })
  @Column({ type: 'text' })
  text!: string;

  @Field(() => LeadStatus)
  @Column({ type: 'varchar', length: 12 })
  status!: LeadStatus;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}

/** A public comment on the business's Facebook page or Instagram posts. */
@ObjectType({ description: 'A comment on a Facebook page post or an Instagram post, with its sentiment.' })
@Entity({ name: 'social_comment' })
export class SocialComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('SocialComment', this.id);
  }

  @Field(() => SocialSource)
  @Column({ type: 'varchar', length: 20 })
  source!: SocialSource;

  @Column({ type: 'varchar', length: 120, name: 'provider_comment_id' })
  providerCommentId!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 120, name: 'post_id', nullable: true })
  postId!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'author_id', nullable: true })
  authorId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, name: 'author_name', nullable: true })
  authorName!: string | null;

  @Field(() => String)
  @Column({ type: 'text' })
  text!: string;

  @Field(() => Float, { description: '-1 (angry) .. 0 (neutral) .. 1 (delighted).' })
  @Column({ type: 'real' })
  sentiment!: number;

  @Field(() => Boolean, { description: 'True when the comment asks about booking; it then has a lead.' })
  @Column({ type: 'boolean', name: 'asks_about_booking' })
  asksAboutBooking!: boolean;

  @Column({ type: 'uuid', name: 'lead_id', nullable: true })
  leadId!: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'commented_at' })
  commentedAt!: Date;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'received_at' })
  receivedAt!: Date;
}
