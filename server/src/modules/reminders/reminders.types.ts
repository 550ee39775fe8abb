import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ScheduledMessageKind } from './schedule';
import { ScheduledMessageStatus } from './reminders.service';

registerEnumType(ScheduledMessageKind, {
  name: 'ScheduledMessageKind',
  description: 'A message a booking gets on a schedule.',
  valuesConfig: {
    DAY_BEFORE_REMINDER: { description: 'The reminder the day before the event.' },
    PAYMENT_REMINDER: { description: 'A reminder of an unpaid balance, some days before the event.' },
    REVIEW_REQUEST: { description: 'The request for a review, the day after the event.' },
  },
});
registerEnumType(ScheduledMessageStatus, { name: 'ScheduledMessageStatus' });

@ObjectType({ description: "A booking's reminder or review request: when it is due, when it goes (after the recipient's quiet hours), and what became of it." })
export class ScheduledMessage {
  @Field(() => ScheduledMessageKind)
  kind!: ScheduledMessageKind;

  @Field(() => Int, { nullable: true, description: 'Days before the event, for a payment reminder.' })
  daysBefore!: number | null;

  @Field(() => Date, { description: "When it is due, on the recipient's clock." })
  dueAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it will go, while SCHEDULED: its due time, or the end of the quiet hours it falls in.' })
  sendAt!: Date | null;

  @Field(() => ScheduledMessageStatus)
  status!: ScheduledMessageStatus;

  @Field(() => String, { nullable: true, description: 'Why it was skipped, cancelled or is held.' })
  reason!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was sent or skipped.' })
  handledAt!: Date | null;

  @Field(() => String, { description: "The recipient's time zone its times are read in." })
  timeZone!: string;

  @Field(() => String, { description: 'Where that zone came from: ZIP_CODE (the event address), AREA_CODE (the phone) or BUSINESS (neither said).' })
  timeZoneSource!: string;
}
