import { IsDateString, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionArgs, connectionType } from '../../shared/graphql/connection';
import { FORM_LIMITS } from '../../shared/forms/form-limits';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Channel } from '../conversations/channel';
import { Booking, BookingStatus } from './booking.entity';
import { DayRoute } from './day-route';

export const BookingConnection = connectionType(Booking, 'Booking');

@ArgsType()
export class BookingsArgs extends ConnectionArgs {
  @Field(() => [BookingStatus], { nullable: true, description: 'Only bookings in these states.' })
  status?: BookingStatus[];

  @Field(() => String, { nullable: true, description: 'Events on or after this day (YYYY-MM-DD).' })
  eventDateFrom?: string;

  @Field(() => String, { nullable: true, description: 'Events on or before this day (YYYY-MM-DD).' })
  eventDateTo?: string;

  @Field(() => ID, { nullable: true })
  customerId?: string;

  @Field(() => Channel, { nullable: true })
  sourceChannel?: Channel;

  @Field(() => String, { nullable: true, description: "Part of the customer's name or phone number." })
  search?: string;
}

@InputType({ description: 'Who the booking is for: an existing customer, or their details.' })
export class BookingCustomerInput {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FORM_LIMITS.booking.customerName.maxLength, { message: `Customer name: use at most ${FORM_LIMITS.booking.customerName.maxLength} characters.` })
  name?: string;

  @Field(() => String, { nullable: true, description: 'Any common US format; stored as E.164.' })
  @IsOptional()
  @IsString()
  @MaxLength(FORM_LIMITS.booking.customerPhone.maxLength, { message: 'Phone: enter a phone number such as (916) 555-0100.' })
  phone?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FORM_LIMITS.booking.customerEmail.maxLength, { message: `Email: use at most ${FORM_LIMITS.booking.customerEmail.maxLength} characters.` })
  email?: string;
}

/** The event's details as staff or an integrator give them; the service checks what depends on today and the price list. */
@InputType()
export class BookingDetailsInput {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, business time zone.' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'Event date: enter a date such as 2026-12-20.' })
  eventDate?: string;

  @Field(() => String, { nullable: true, description: 'HH:MM, 24-hour, business time zone.' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Start time: enter a time such as 18:00.' })
  startTime?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(FORM_LIMITS.booking.address.minLength, { message: 'Address: enter the street and a city or ZIP code, for example 1200 K St, Sacramento 95814.' })
  @MaxLength(FORM_LIMITS.booking.address.maxLength, { message: `Address: use at most ${FORM_LIMITS.booking.address.maxLength} characters.` })
  address?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Adults: enter a whole number, for example 8.' })
  @Min(FORM_LIMITS.booking.guests.min, { message: 'Adults: enter 0 or more.' })
  adults?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'Kids: enter a whole number, for example 2.' })
  @Min(FORM_LIMITS.booking.guests.min, { message: 'Kids: enter 0 or more.' })
  kids?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(FORM_LIMITS.booking.dietaryNotes.maxLength, { message: `Dietary notes: use at most ${FORM_LIMITS.booking.dietaryNotes.maxLength} characters.` })
  dietaryNotes?: string;

  @Field(() => Boolean, { nullable: true, description: 'The customer agreed to receive texts about this booking.' })
  smsConsent?: boolean;
}

@InputType()
export class CreateBookingInput extends BookingDetailsInput {
  @Field(() => BookingCustomerInput)
  customer!: BookingCustomerInput;

  @Field(() => Channel, { description: 'Where the booking came from: PHONE, SMS and WHATSAPP bookings get the terms by text at once.' })
  sourceChannel!: Channel;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Ask for the terms now (default true): the booking waits for terms. False keeps it an inquiry.',
  })
  requestTerms?: boolean;
}

@InputType()
export class UpdateBookingInput extends BookingDetailsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => BookingStatus, { nullable: true, description: 'Only INQUIRY -> PENDING_TERMS here (it sends the terms); the other moves have their own paths.' })
  status?: BookingStatus;
}

@InputType()
export class CancelBookingInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  @IsString()
  @MinLength(FORM_LIMITS.booking.cancelReason.minLength, { message: 'Reason for cancelling: say why, for example Customer moved the party to next year.' })
  @MaxLength(FORM_LIMITS.booking.cancelReason.maxLength, { message: `Reason for cancelling: use at most ${FORM_LIMITS.booking.cancelReason.maxLength} characters.` })
  reason!: string;
}

@ObjectType()
export class BookingPayload extends MutationPayload {
  @Field(() => Booking, { nullable: true })
  booking!: Booking | null;
}

export enum BookingChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
}
registerEnumType(BookingChangeKind, { name: 'BookingChangeKind' });

@ObjectType()
export class BookingUpdatedEvent {
  @Field(() => BookingChangeKind)
  change!: BookingChangeKind;

  @Field(() => Booking)
  booking!: Booking;

  @Field(() => Date)
  occurredAt!: Date;
}

@ObjectType()
export class DayRoutePayload extends MutationPayload {
  @Field(() => DayRoute, { nullable: true })
  route!: DayRoute | null;
}
