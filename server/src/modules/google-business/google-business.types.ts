import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';

export enum GoogleConnectionState {
  NOT_CONNECTED = 'NOT_CONNECTED',
  CONNECTED = 'CONNECTED',
  /** Google refused the stored access (revoked or expired consent): an admin connects again. */
  NEEDS_RECONSENT = 'NEEDS_RECONSENT',
  /** The Business Profile has several locations (or none): an admin picks the one whose reviews to read. */
  NEEDS_LOCATION = 'NEEDS_LOCATION',
}
registerEnumType(GoogleConnectionState, { name: 'GoogleConnectionState' });

@ObjectType({ description: 'What a sync of Google reviews changed in the reviews.' })
export class GoogleReviewCounts {
  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int, { description: 'Reviews no longer on Google, marked deleted.' })
  deleted!: number;
}

@ObjectType({ description: 'What a sync of Google reviews did.' })
export class GoogleReviewSync extends GoogleReviewCounts {
  @Field(() => Int, { description: 'Reviews Google listed.' })
  listed!: number;

  @Field(() => Int, { description: 'Pages of reviews read (50 a page).' })
  pages!: number;
}

@ObjectType({ description: 'A Business Profile location whose reviews the product can read.' })
export class GoogleLocationChoice {
  @Field(() => String, { description: 'Google’s name for it, accounts/A/locations/L.' })
  name!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'The Business Profile account it belongs to.' })
  accountName!: string;
}

@ObjectType({ description: 'The Google Business Profile connection: whether Google is set up, and where the connection stands. Never any token.' })
export class GoogleConnectionView {
  @Field(() => Boolean, { description: 'False without GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET: reviews are entered or imported by staff instead.' })
  configured!: boolean;

  @Field(() => GoogleConnectionState)
  state!: GoogleConnectionState;

  @Field(() => String, { description: 'Where the connection stands, in words for a person.' })
  message!: string;

  @Field(() => String, { nullable: true })
  accountName!: string | null;

  @Field(() => String, { nullable: true, description: 'The location whose reviews are read.' })
  locationTitle!: string | null;

  @Field(() => String, { nullable: true })
  locationName!: string | null;

  @Field(() => String, { nullable: true, description: 'Where customers write a review of the location (Google’s link); the review request after an event carries it.' })
  reviewLink!: string | null;

  @Field(() => Date, { nullable: true })
  lastSyncedAt!: Date | null;

  @Field(() => GoogleReviewCounts, { nullable: true, description: 'What the last complete sync changed; null before the first.' })
  lastSync!: GoogleReviewCounts | null;

  @Field(() => String, { nullable: true, description: 'Why the last sync failed, if it did.' })
  lastSyncError!: string | null;
}

@ObjectType()
export class ConnectGooglePayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Google’s consent page; open it in the browser. Good for ten minutes, once.' })
  consentUrl?: string | null;
}

@ObjectType()
export class GoogleConnectionPayload extends MutationPayload {
  @Field(() => GoogleConnectionView, { nullable: true })
  connection?: GoogleConnectionView | null;
}

@ObjectType()
export class SyncReviewsPayload extends MutationPayload {
  @Field(() => GoogleConnectionView, { nullable: true })
  connection?: GoogleConnectionView | null;

  @Field(() => GoogleReviewSync, { nullable: true, description: 'What this sync did; null when it did not run to the end.' })
  synced?: GoogleReviewSync | null;
}
