import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Channel } from '../conversations/channel';

export enum Responder {
  AI = 'AI',
  STAFF = 'STAFF',
}
registerEnumType(Responder, { name: 'Responder', description: 'Who answered a customer: the assistant or a person.' });

@ObjectType({ description: 'How fast one kind of responder answered customers in the range.' })
export class ResponseTimeFigure {
  @Field(() => Responder)
  responder!: Responder;

  @Field(() => Int, { description: 'Answers timed: each answer that directly follows a customer message in its thread (system messages such as reminders are skipped).' })
  replies!: number;

  @Field(() => Float, { nullable: true, description: 'Median seconds from the customer message to the answer; null without answers.' })
  medianSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of those seconds; null without answers.' })
  p90Seconds!: number | null;
}

@ObjectType({ description: 'Bookings that came in through one channel in the range.' })
export class ChannelFigure {
  @Field(() => Channel)
  channel!: Channel;

  @Field(() => Int, { description: 'Bookings created in the range that came through this channel (inquiries included).' })
  bookings!: number;

  @Field(() => Int, { description: 'Of those, the ones the customer confirmed by accepting the terms.' })
  confirmed!: number;

  @Field(() => Float, { description: 'Booked value in cents of those confirmed and not cancelled: food or the minimum spend, plus travel.' })
  revenueCents!: number;
}

@ObjectType({ description: 'One calendar day (business time zone) of the range, for charts.' })
export class DailyFigure {
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  date!: string;

  @Field(() => Int, { description: 'Bookings created that day.' })
  bookings!: number;

  @Field(() => Int, { description: 'Of those, confirmed (terms accepted).' })
  confirmed!: number;

  @Field(() => Float, { description: 'Booked value in cents of that day’s bookings that are confirmed and not cancelled.' })
  revenueCents!: number;

  @Field(() => Int, { description: 'Replies to the terms request that were neither yes nor no, received that day.' })
  invalidTermsReplies!: number;

  @Field(() => Int, { description: 'Reviews written that day.' })
  reviews!: number;

  @Field(() => Float, { nullable: true, description: 'Their average stars (1-5); null on a day without reviews.' })
  averageRating!: number | null;
}

@ObjectType({ description: 'Settled bank credits nobody has matched to a booking for longer than the alert allows.' })
export class UnmatchedPaymentsFigure {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'Their sum in cents.' })
  amountCents!: number;

  @Field(() => Int, { description: 'Counted when unmatched for more than this many days after posting (PAYMENT_UNMATCHED_ALERT_DAYS).' })
  olderThanDays!: number;
}

@ObjectType({ description: 'The owner’s figures (SPEC §8) over a range of calendar days in the business time zone. Every rate is a share from 0 to 1, null when its denominator is 0.' })
export class Metrics {
  @Field(() => String, { description: 'First day of the range, YYYY-MM-DD, inclusive.' })
  from!: string;

  @Field(() => String, { description: 'Last day of the range, YYYY-MM-DD, inclusive.' })
  to!: string;

  @Field(() => String, { description: 'The time zone whose calendar days the range and the daily series use.' })
  timeZone!: string;

  @Field(() => Int, { description: 'Threads with at least one customer message in the range.' })
  conversations!: number;

  @Field(() => Int, { description: 'Of those, the threads the assistant answered in the range.' })
  aiAnsweredConversations!: number;

  @Field(() => Int, { description: 'Of those, the threads the assistant brought to a booking (the thread has its booking).' })
  aiBookedConversations!: number;

  @Field(() => Float, { nullable: true, description: 'AI booking success rate: aiBookedConversations / aiAnsweredConversations (threads with a customer message and an assistant answer in the range that reached a booking).' })
  aiBookingSuccessRate!: number | null;

  @Field(() => Int, { description: 'Threads with an escalation to staff opened in the range, each counted once.' })
  escalatedConversations!: number;

  @Field(() => Float, { nullable: true, description: 'Escalation rate: escalatedConversations / conversations (threads escalated in the range over threads with a customer message in the range).' })
  escalationRate!: number | null;

  @Field(() => Int, { description: 'Bookings created in the range, every one an inquiry first.' })
  inquiries!: number;

  @Field(() => Int, { description: 'Of those, the ones confirmed (the customer accepted the terms), cancelled later or not.' })
  convertedInquiries!: number;

  @Field(() => Float, { nullable: true, description: 'Conversion rate inquiry to booking: convertedInquiries / inquiries.' })
  conversionRate!: number | null;

  @Field(() => Float, { description: 'Booked value in cents of the range’s bookings that are confirmed and not cancelled (all channels).' })
  revenueCents!: number;

  @Field(() => Float, { description: 'Deposits received in the range, in cents: card payments and bank credits applied as a booking’s deposit, by when the money moved (refunds are not subtracted).' })
  depositsCents!: number;

  @Field(() => [ChannelFigure], { description: 'Bookings and revenue per source channel; channels without bookings in the range are left out.' })
  channels!: ChannelFigure[];

  @Field(() => String, { description: 'First day of the terms window: the 7 days ending on `to`.' })
  termsWindowFrom!: string;

  @Field(() => Int, { description: 'Bookings created in the 7 days ending on `to` that were sent the terms (waiting for them, confirmed, completed, or cancelled after confirming).' })
  termsRequested!: number;

  @Field(() => Int, { description: 'Of those, the ones whose customer accepted the terms.' })
  termsAcknowledged!: number;

  @Field(() => Float, { nullable: true, description: 'Terms acknowledgment rate over 7 days: termsAcknowledged / termsRequested, for bookings created in the 7 days ending on `to`.' })
  termsAcknowledgmentRate!: number | null;

  @Field(() => Int, { description: 'Replies to the terms request that were neither yes nor no, received in the range (per day in `daily`).' })
  invalidTermsReplies!: number;

  @Field(() => Int, { description: 'The most invalid terms replies received on one day of the range.' })
  maxInvalidTermsRepliesPerDay!: number;

  @Field(() => ResponseTimeFigure, { description: 'How fast the assistant answered customers in the range.' })
  aiResponse!: ResponseTimeFigure;

  @Field(() => ResponseTimeFigure, { description: 'How fast staff answered customers in the range.' })
  staffResponse!: ResponseTimeFigure;

  @Field(() => Int, { description: 'Reviews written in the range (deleted ones left out).' })
  reviews!: number;

  @Field(() => Float, { nullable: true, description: 'Their average stars; the trend per day is in `daily`.' })
  averageRating!: number | null;

  @Field(() => [DailyFigure], { description: 'Every day of the range, oldest first, days without activity included: the series a chart needs.' })
  daily!: DailyFigure[];

  @Field(() => Int, { description: 'Webhook deliveries refused for a missing or wrong signature or token in the hour before now, whatever the range.' })
  webhookSignatureFailuresLastHour!: number;

  @Field(() => UnmatchedPaymentsFigure, { description: 'Settled credits unmatched now for more than PAYMENT_UNMATCHED_ALERT_DAYS, whatever the range.' })
  unmatchedPayments!: UnmatchedPaymentsFigure;
}
