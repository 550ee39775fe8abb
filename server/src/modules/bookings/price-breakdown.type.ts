import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'What the event costs, in integer cents.' })
export class PriceBreakdown {
  @Field(() => Int) adults!: number;
  @Field(() => Int) kids!: number;
  @Field(() => Int) pricePerAdultCents!: number;
  @Field(() => Int) pricePerKidCents!: number;
  @Field(() => Int, { description: 'Adults and kids at their prices.' }) foodCents!: number;
  @Field(() => Int) minimumSpendCents!: number;
  @Field(() => Int, { description: 'What the minimum spend adds when the food comes to less.' }) minimumTopUpCents!: number;
  @Field(() => Int, { description: 'From the travel quote.' }) travelFeeCents!: number;
  @Field(() => Int) totalCents!: number;
  @Field(() => Int) depositCents!: number;
  @Field(() => Int) paidCents!: number;
  @Field(() => Int) balanceCents!: number;
}
