import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { ApiScope } from '../../shared/auth/scopes';
import { StaffUser } from './staff-user.entity';

/** An integrator's key. The secret is shown once at creation; only its SHA-256 is stored. */
@Entity({ name: 'api_key' })
@ObjectType({ description: 'An integrator API key. The secret itself is only returned by createApiKey.' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('ApiKey', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Field(() => String, { description: 'The first characters of the key, to recognise it in lists.' })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Index({ unique: true })
  @Column({ type: 'char', length: 64, name: 'secret_hash' })
  secretHash!: string;

  @Field(() => [ApiScope])
  @Column({ type: 'text', array: true })
  scopes!: ApiScope[];

  @Column({ type: 'uuid', name: 'created_by_id', nullable: true })
  createdById!: string | null;

  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: StaffUser;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
