import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the Google connection stands (NOT_CONNECTED is the absence of a row). */
export enum StoredGoogleState {
  CONNECTED = 'CONNECTED',
  /** Google refused the refresh token (invalid_grant): an admin connects again. */
  NEEDS_RECONSENT = 'NEEDS_RECONSENT',
  /** Consent given, but the account has several locations (or none): an admin picks one. */
  NEEDS_LOCATION = 'NEEDS_LOCATION',
}

export interface LocationChoice {
  name: string;
  title: string;
  accountName: string;
  accountDisplayName: string;
  /** Where customers write a review of it; absent on choices stored before it was read. */
  reviewLink?: string | null;
}

/**
 * The business's one Google Business Profile connection: the location its reviews come from,
 * the refresh token and the current access token (both sealed; never a field of the API), and
 * the last sync. The access token is stored so every instance uses the one refresh.
 */
@Entity({ name: 'google_connection' })
export class GoogleConnection {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  state!: StoredGoogleState;

  @Column({ type: 'varchar', length: 200, name: 'account_name', nullable: true })
  accountName!: string | null;

  @Column({ type: 'varchar', length: 300, name: 'account_display_name', nullable: true })
  accountDisplayName!: string | null;

  /** accounts/A/locations/L */
  @Column({ type: 'varchar', length: 300, name: 'location_name', nullable: true })
  locationName!: string | null;

  @Column({ type: 'varchar', length: 300, name: 'location_title', nullable: true })
  locationTitle!: string | null;

  /** The locations found at consent, for the admin's pick. */
  @Column({ type: 'jsonb', name: 'location_choices' })
  locationChoices!: LocationChoice[];

  @Column({ type: 'bytea', name: 'refresh_token_sealed' })
  refreshTokenSealed!: Buffer;

  @Column({ type: 'varchar', length: 32, name: 'refresh_token_key_id' })
  refreshTokenKeyId!: string;

  @Column({ type: 'bytea', name: 'access_token_sealed', nullable: true })
  accessTokenSealed!: Buffer | null;

  @Column({ type: 'varchar', length: 32, name: 'access_token_key_id', nullable: true })
  accessTokenKeyId!: string | null;

  @Column({ type: 'timestamptz', name: 'access_token_expires_at', nullable: true })
  accessTokenExpiresAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'last_synced_at', nullable: true })
  lastSyncedAt!: Date | null;

  @Column({ type: 'integer', name: 'last_sync_added' })
  lastSyncAdded!: number;

  @Column({ type: 'integer', name: 'last_sync_updated' })
  lastSyncUpdated!: number;

  @Column({ type: 'integer', name: 'last_sync_unchanged' })
  lastSyncUnchanged!: number;

  @Column({ type: 'integer', name: 'last_sync_deleted' })
  lastSyncDeleted!: number;

  @Column({ type: 'varchar', length: 500, name: 'last_sync_error', nullable: true })
  lastSyncError!: string | null;

  @Column({ type: 'uuid', name: 'connected_by', nullable: true })
  connectedBy!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}

/** A consent screen's state, stored hashed until the callback consumes it. */
@Entity({ name: 'google_oauth_state' })
export class GoogleOAuthState {
  @PrimaryColumn({ type: 'char', length: 64, name: 'state_hash' })
  stateHash!: string;

  @Column({ type: 'uuid', name: 'staff_user_id' })
  staffUserId!: string;

  @Column({ type: 'timestamptz', name: 'expires_at' })
  expiresAt!: Date;
}
