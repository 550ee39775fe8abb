import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffRole } from '../../shared/auth/roles';
import { toGlobalId } from '../../shared/graphql/global-id';

@Entity({ name: 'staff_user' })
@ObjectType({ description: 'A person who signs in to the console.' })
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('StaffUser', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Field(() => String)
  @Column({ type: 'varchar', length: 100, name: 'display_name' })
  displayName!: string;

  /** Null until an invited person sets a password through their link. */
  @Column({ type: 'varchar', length: 255, name: 'password_hash', nullable: true })
  passwordHash!: string | null;

  @Field(() => Boolean, { description: 'False while an invited person has not yet set a password through their link.' })
  get hasPassword(): boolean {
    return this.passwordHash !== null;
  }

  @Field(() => StaffRole)
  @Column({ type: 'enum', enum: StaffRole, enumName: 'staff_role' })
  role!: StaffRole;

  @Field(() => Date, { nullable: true, description: 'When an administrator deactivated this account; null while it may sign in.' })
  @Column({ type: 'timestamptz', name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
