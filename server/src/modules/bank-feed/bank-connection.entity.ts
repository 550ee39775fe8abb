import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';

export enum BankConnectionStatus {
  CONNECTED = 'CONNECTED',
  /** The bank wants the owner to sign in again (Plaid ITEM_LOGIN_REQUIRED, or consent about to expire): Re-connect in the console. */
  NEEDS_RECONNECT = 'NEEDS_RECONNECT',
  /** The owner revoked access at the bank: connect again to resume. */
  DISCONNECTED = 'DISCONNECTED',
}
registerEnumType(BankConnectionStatus, { name: 'BankConnectionStatus' });

@ObjectType({ description: 'A bank account the connection reads.' })
export class BankAccount {
  @Field(() => String)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'The last digits of the account number, as the bank shows them.' })
  mask!: string | null;

  @Field(() => String, { description: 'depository, credit...' })
  type!: string;

  @Field(() => String, { nullable: true, description: 'checking, savings...' })
  subtype!: string | null;
}

@ObjectType({ description: 'What the last sync handed to the payments ledger.' })
export class BankSyncSummary {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  modified!: number;

  @Field(() => Int)
  removed!: number;
}

/**
 * A bank login connected through Plaid (an "item"): its accounts, whether it works, and where
 * the transaction sync stands. The access token is stored sealed and is no field of the API.
 */
@ObjectType({ description: 'A bank connected through Plaid: its accounts, status and last sync.' })
@Entity({ name: 'bank_connection' })
export class BankConnection {
  @PrimaryColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('BankConnection', this.id);
  }

  @Column({ type: 'varchar', length: 20 })
  provider!: 'PLAID';

  @Column({ type: 'varchar', length: 100, name: 'item_id' })
  itemId!: string;

  @Column({ type: 'varchar', length: 100, name: 'institution_id', nullable: true })
  institutionId!: string | null;

  @Field(() => String, { nullable: true, description: 'The bank’s name, when Plaid knows it.' })
  @Column({ type: 'varchar', length: 200, name: 'institution_name', nullable: true })
  institutionName!: string | null;

  @Field(() => [BankAccount])
  @Column({ type: 'jsonb' })
  accounts!: BankAccount[];

  @Field(() => BankConnectionStatus)
  @Column({ type: 'varchar', length: 20 })
  status!: BankConnectionStatus;

  @Field(() => String, { nullable: true, description: 'Why the connection needs re-connecting, in words for a person.' })
  get statusMessage(): string | null {
    if (this.status === BankConnectionStatus.DISCONNECTED) return 'Access to this bank was revoked. Connect it again to resume the feed.';
    if (this.status !== BankConnectionStatus.NEEDS_RECONNECT) return null;
    return this.statusReason === 'PENDING_EXPIRATION'
      ? 'The bank’s consent is about to expire. Re-connect to keep the feed running.'
      : 'The bank asks you to sign in again. Re-connect to resume the feed.';
  }

  /** ITEM_LOGIN_REQUIRED, PENDING_EXPIRATION... while NEEDS_RECONNECT. */
  @Column({ type: 'varchar', length: 60, name: 'status_reason', nullable: true })
  statusReason!: string | null;

  @Column({ type: 'bytea', name: 'access_token_sealed' })
  accessTokenSealed!: Buffer;

  @Column({ type: 'varchar', length: 32, name: 'access_token_key_id' })
  accessTokenKeyId!: string;

  @Column({ type: 'text', name: 'sync_cursor', nullable: true })
  syncCursor!: string | null;

  @Field(() => Date, { nullable: true, description: 'When a sync last handed the bank’s changes to the ledger.' })
  @Column({ type: 'timestamptz', name: 'last_synced_at', nullable: true })
  lastSyncedAt!: Date | null;

  @Column({ type: 'integer', name: 'last_sync_added' })
  lastSyncAdded!: number;

  @Column({ type: 'integer', name: 'last_sync_modified' })
  lastSyncModified!: number;

  @Column({ type: 'integer', name: 'last_sync_removed' })
  lastSyncRemoved!: number;

  @Field(() => BankSyncSummary, { nullable: true, description: 'What the last sync brought; null before the first.' })
  get lastSync(): BankSyncSummary | null {
    return this.lastSyncedAt ? { added: this.lastSyncAdded, modified: this.lastSyncModified, removed: this.lastSyncRemoved } : null;
  }

  @Field(() => String, { nullable: true, description: 'Why the last sync failed, if it did.' })
  @Column({ type: 'varchar', length: 500, name: 'last_sync_error', nullable: true })
  lastSyncError!: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
