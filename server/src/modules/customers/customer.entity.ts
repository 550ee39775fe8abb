import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

/** One person, however many channels they write from. */
@Entity({ name: 'customer' })
@ObjectType()
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Customer', this.id);
  }

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 120, nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164.' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

export enum IdentityKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEB_SESSION = 'WEB_SESSION',
  META_ID = 'META_ID',
}

/** A handle that identifies a customer: a phone, an email, a web-chat session, a Meta id. Unique per kind. */
@Entity({ name: 'customer_identity' })
@Index(['kind', 'value'], { unique: true })
export class CustomerIdentity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: IdentityKind;

  @Column({ type: 'varchar', length: 254 })
  value!: string;

  @Column({ type: 'uuid', name: 'customer_id' })
  customerId!: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
