import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/**
 * One published text of the terms. Never changed once published (a database trigger refuses
 * it); publishing a new text makes a new version current, and acknowledgments keep pointing at
 * the version they accepted.
 */
@Entity({ name: 'terms_version' })
@ObjectType({ description: 'A published text of the booking terms. Published versions never change.' })
export class TermsVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('TermsVersion', this.id);
  }

  @Field(() => Int, { description: '1 for the first version, counting up.' })
  @Column({ type: 'integer' })
  version!: number;

  @Field(() => String, { description: 'e.g. "v3".' })
  @Column({ type: 'varchar', length: 40 })
  label!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { description: 'The full text, exactly as published.' })
  @Column({ type: 'text' })
  text!: string;

  @Field(() => String, { description: 'SHA-256 (hex) of the UTF-8 bytes of text.' })
  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Field(() => Date)
  @Column({ type: 'timestamptz', precision: 3, name: 'published_at' })
  publishedAt!: Date;

  /** Null for the placeholder version the first migration seeded. */
  @Column({ type: 'uuid', name: 'published_by_staff_user_id', nullable: true })
  publishedByStaffUserId!: string | null;

  @Field(() => Boolean, { description: 'The version new bookings are asked to accept. Exactly one is current.' })
  @Column({ type: 'boolean', name: 'is_current' })
  isCurrent!: boolean;
}
