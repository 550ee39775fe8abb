import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import { ConnectionArgs } from '../../shared/graphql/connection';
import { DEFAULT_START_TIME } from './event-departure';

const NOT_BLANK = /\S/;

@InputType()
export class QuoteTravelInput {
  @Field(() => String, { description: 'The event address: street, city and state, or a ZIP code.' })
  @Matches(NOT_BLANK, { message: 'Event address: enter a street, city and state, or a ZIP code, for example 1200 K St, Sacramento, CA.' })
  @MaxLength(FORM_LIMITS.travel.address.maxLength, { message: `Event address: use at most ${FORM_LIMITS.travel.address.maxLength} characters.` })
  address!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD. With it the drive is timed with traffic at the event start (business time zone).' })
  @IsOptional()
  @MaxLength(10, { message: 'Event date: enter a date such as 2026-07-04.' })
  eventDate?: string | null;

  @Field(() => String, { nullable: true, description: `HH:MM, 24-hour, business time zone; ${DEFAULT_START_TIME} when only the date is given.` })
  @IsOptional()
  @MaxLength(5, { message: 'Start time: enter a time on a 24-hour clock such as 18:30.' })
  startTime?: string | null;
}

@ArgsType()
export class TravelQuotesArgs extends ConnectionArgs {}
