import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { bandLabel, TravelBand, type TravelRules } from './travel-fee';
import type { LatLng } from './travel.port';

/**
 * One travel calculation, kept whole as evidence of how a fee was reached (SPEC §4): what was
 * asked (the address as given, the departure time, the base and the rules in force), what came
 * out, and the provider's raw answers. Never changed after it is written.
 */
@Entity({ name: 'travel_quote' })
@ObjectType({ description: 'A travel fee quote: the drive from our base to an address, its fee and service area.' })
export class TravelQuote {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('TravelQuote', this.id);
  }

  @Field(() => String, { description: 'The address as it was given.' })
  @Column({ type: 'varchar', length: 300 })
  address!: string;

  @Field(() => String, { description: 'The address as the provider placed it (a ZIP or city centre for estimates).' })
  @Column({ type: 'varchar', length: 500, name: 'formatted_address' })
  formattedAddress!: string;

  /** Where the provider placed the address: for clustering a day's events. */
  // Kept with the quote, not read with it: nothing shows it, and pages of bookings load quotes.
  @Column({ type: 'jsonb', select: false })
  location!: LatLng;

  @Field(() => Date, { nullable: true, description: 'The event start the drive was timed for (traffic), when one was given.' })
  @Column({ type: 'timestamptz', name: 'departure_at', nullable: true })
  departureAt!: Date | null;

  @Column({ type: 'varchar', length: 300, name: 'base_address' })
  baseAddress!: string;

  @Column({ type: 'jsonb', name: 'base_location', select: false })
  baseLocation!: LatLng;

  /** The fee rules in force, so an old quote still explains itself after the settings change. */
  @Column({ type: 'jsonb' })
  rules!: TravelRules;

  @Field(() => Float, { description: 'Road miles from our base, to a tenth of a mile.' })
  @Column({ type: 'double precision' })
  miles!: number;

  @Field(() => Int, { description: 'Drive time in minutes, with traffic at the departure time when the provider knows it.' })
  @Column({ type: 'integer', name: 'drive_minutes' })
  driveMinutes!: number;

  @Field(() => Int, { description: 'Travel fee in cents; 0 within the free miles and for a declined quote.' })
  @Column({ type: 'integer', name: 'fee_cents' })
  feeCents!: number;

  @Field(() => TravelBand)
  @Column({ type: 'varchar', length: 16 })
  band!: TravelBand;

  @Field(() => String, { description: 'The service area by name, e.g. "Secondary service area (30 to 60 mi)".' })
  get bandLabel(): string {
    return bandLabel(this.band, this.rules);
  }

  @Field(() => Boolean, { description: 'Past the service area: no fee is offered, see declineReason.' })
  @Column({ type: 'boolean' })
  declined!: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, name: 'decline_reason', nullable: true })
  declineReason!: string | null;

  @Field(() => Boolean, { description: 'Miles and minutes are an offline estimate (straight line times a road factor), not a road route.' })
  @Column({ type: 'boolean' })
  estimate!: boolean;

  @Field(() => String, { description: 'Where the distance came from: google-maps or offline-estimate.' })
  @Column({ type: 'varchar', length: 40 })
  provider!: string;

  /** The provider's answers as they came: the geocodes and the distance matrix. Kept, never read with a quote (pages of bookings load quotes, and these are large). */
  @Column({ type: 'jsonb', name: 'provider_response', select: false })
  providerResponse!: unknown;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
