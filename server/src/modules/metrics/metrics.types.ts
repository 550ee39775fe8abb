import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How the assistant and staff are doing over a window of days.' })
export class ConversationMetrics {
  @Field(() => Int, { description: 'Days looked back from now.' })
  days!: number;

  @Field(() => Int, { description: 'Threads with a customer message in the window.' })
  conversations!: number;

  @Field(() => Float, { nullable: true, description: 'Share of those threads the assistant brought to BOOKED (0..1); null without threads.' })
  aiBookingSuccessRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Share of those threads that were escalated (0..1).' })
  escalationRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average seconds from a customer message to the assistant’s answer.' })
  aiResponseSeconds!: number | null;

  @Field(() => Float, { nullable: true, description: 'Average seconds from a customer message to the next staff reply.' })
  staffResponseSeconds!: number | null;

  @Field(() => Int, { description: 'Webhook deliveries refused for a missing or wrong signature or token in the last hour (alert above 0).' })
  webhookSignatureFailuresLastHour!: number;
}
