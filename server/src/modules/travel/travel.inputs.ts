import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { DEFAULT_START_TIME } from './event-departure';

const NOT_BLANK = /\S/;

@InputType()
export class QuoteTravelInput {
  @Field(() => String, { description: 'The event address: street, city and state, or a ZIP code.' })
  @Matches(NOT_BLANK, { message: 'address must not be blank' })
  @MaxLength(300, { message: 'address must be at most 300 characters' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. With it the drive is timed with traffic at the event start (business time zone).' })
  @IsOptional()
  @MaxLength(10, { message: 'eventDate must be a date like 2026-07-04' })
  eventDate?: string | null;

  @Field(() => String, { nullable: true, description: `HH:MM, 24-hour, business time zone; ${DEFAULT_START_TIME} when only the date is given.` })
  @IsOptional()
  @MaxLength(5, { message: 'startTime must be a 24-hour time like 18:30' })
  startTime?: string | null;
}

@ArgsType()
export class TravelQuotesArgs extends ConnectionArgs {}
