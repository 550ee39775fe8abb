import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, StaffOnly, staffIdOf } from '../../shared/auth/access';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { StoredGoogleState, type GoogleConnection } from './google-connection.entity';
import { reviewLinkOf, type GoogleBusinessService } from './google-business.service';
import {
  ConnectGooglePayload,
  GoogleConnectionPayload,
  GoogleConnectionState,
  GoogleConnectionView,
  GoogleLocationChoice,
  SyncReviewsPayload,
} from './google-business.types';

@Resolver()
export class GoogleBusinessResolver {
  constructor(private readonly service: GoogleBusinessService) {}

  @Query(() => GoogleConnectionView, { description: 'Whether Google is set up and connected, the location read, and the last sync.' })
  @StaffOnly()
  async googleConnection(): Promise<GoogleConnectionView> {
    return this.view();
  }

  @Query(() => [GoogleLocationChoice], { description: 'The Business Profile locations found when Google was connected, to pick from.' })
  @AdminOnly()
  async googleLocations(): Promise<GoogleLocationChoice[]> {
    const connection = await this.service.find();
    return (connection?.locationChoices ?? []).map(({ name, title, accountDisplayName }) => ({ name, title, accountName: accountDisplayName }));
  }

  @Mutation(() => ConnectGooglePayload, { description: 'Google’s consent page for the Business Profile (reviews and replies); Google sends the admin back to /oauth/google/callback.' })
  @AdminOnly()
  async connectGoogle(@Ctx() context: RequestContext): Promise<ConnectGooglePayload> {
    return { consentUrl: await this.service.consentUrl(staffIdOf(context)), userErrors: [] };
  }

  @Mutation(() => GoogleConnectionPayload, { description: 'Reads reviews from this location of the Business Profile, and syncs them.' })
  @AdminOnly()
  async selectGoogleLocation(@Arg('locationName', () => String) locationName: string): Promise<GoogleConnectionPayload> {
    await this.service.selectLocation(locationName);
    return { connection: await this.view(), userErrors: [] };
  }

  @Mutation(() => GoogleConnectionPayload, { description: 'Forgets the Google connection and its tokens; reviews already in stay.' })
  @AdminOnly()
  async disconnectGoogle(): Promise<GoogleConnectionPayload> {
    await this.service.disconnect();
    return { connection: await this.view(), userErrors: [] };
  }

  @Mutation(() => SyncReviewsPayload, { description: 'Reads every review of the Google location now.' })
  @StaffOnly()
  async syncReviews(): Promise<SyncReviewsPayload> {
    const outcome = await this.service.syncReviews();
    const connection = await this.view();
    switch (outcome.outcome) {
      case 'SYNCED': {
        const { outcome: _, ...synced } = outcome;
        return { connection, synced, userErrors: [] };
      }
      case 'NOT_CONFIGURED':
        return failed(connection, 'GOOGLE_NOT_CONFIGURED', connection.message);
      case 'NOT_CONNECTED':
        return failed(connection, 'NOT_CONNECTED', 'Google is not connected. An admin chooses Connect Google first.');
      case 'NEEDS_LOCATION':
        return failed(connection, 'NEEDS_LOCATION', 'Pick the Business Profile location whose reviews to read, then Sync now.');
      case 'NEEDS_RECONSENT':
        return failed(connection, 'NEEDS_RECONSENT', 'Google no longer accepts this server’s access. An admin chooses Connect Google again.');
      case 'FAILED':
        return failed(connection, 'SYNC_FAILED', outcome.retry ? 'Google did not complete the sync. Try Sync now again in a minute.' : 'Google refused the sync. Connect Google again, or try later.');
    }
  }

  private async view(): Promise<GoogleConnectionView> {
    return toView(this.service.configured, await this.service.find());
  }
}

function failed(connection: GoogleConnectionView, code: string, message: string): SyncReviewsPayload {
  return { connection, synced: null, userErrors: new UserInputFailure([{ code, message }]).userErrors };
}

const MESSAGES: Record<GoogleConnectionState, string> = {
  [GoogleConnectionState.NOT_CONNECTED]: 'Google is not connected. Choose Connect Google to read and answer Google reviews.',
  [GoogleConnectionState.CONNECTED]: 'Connected: Google reviews are read every hour and as they arrive.',
  [GoogleConnectionState.NEEDS_RECONSENT]: 'Google no longer accepts this server’s access (it was revoked or expired). Choose Connect Google again.',
  [GoogleConnectionState.NEEDS_LOCATION]: 'Pick the Business Profile location whose reviews to read.',
};

export function toView(configured: boolean, connection: GoogleConnection | null): GoogleConnectionView {
  const state = !connection ? GoogleConnectionState.NOT_CONNECTED : (connection.state as string as GoogleConnectionState);
  const noLocations = connection?.state === StoredGoogleState.NEEDS_LOCATION && connection.locationChoices.length === 0;
  return {
    configured,
    state,
    message: !configured
      ? 'Google is not configured on this server (GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET). Reviews entered or imported by staff still work.'
      : noLocations
        ? 'The Google account has no Business Profile location. Add one on Google, then choose Connect Google again.'
        : MESSAGES[state],
    accountName: connection?.accountDisplayName ?? null,
    locationTitle: connection?.locationTitle ?? null,
    locationName: connection?.locationName ?? null,
    reviewLink: connection && state === GoogleConnectionState.CONNECTED ? reviewLinkOf(connection) : null,
    lastSyncedAt: connection?.lastSyncedAt ?? null,
    lastSync: connection?.lastSyncedAt
      ? { added: connection.lastSyncAdded, updated: connection.lastSyncUpdated, unchanged: connection.lastSyncUnchanged, deleted: connection.lastSyncDeleted }
      : null,
    lastSyncError: connection?.lastSyncError ?? null,
  };
}
