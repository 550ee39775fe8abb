import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { DepositCheckout } from './deposit-checkout.entity';

@ObjectType()
export class CreateDepositCheckoutPayload extends MutationPayload {
  @Field(() => DepositCheckout, { nullable: true, description: 'The deposit’s checkout and where to pay it; null when userErrors is not empty.' })
  checkout?: DepositCheckout | null;
}
