import { Arg, ID, Mutation, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import { DepositCheckout } from './deposit-checkout.entity';
import type { DepositsService } from './deposits.service';
import { CreateDepositCheckoutPayload } from './deposits.types';

@Resolver(() => DepositCheckout)
export class DepositsResolver {
  constructor(private readonly service: DepositsService) {}

  @Mutation(() => CreateDepositCheckoutPayload, {
    description:
      'The card checkout of a booking’s deposit (the booking’s deposit, at least $100): its url is where the customer pays. Asking again gives the same checkout and session. userErrors for a cancelled or completed booking, or a deposit already paid.',
  })
  @StaffOnly(ApiScope.PAYMENTS_WRITE)
  async createDepositCheckout(@Arg('bookingId', () => ID) bookingId: string): Promise<CreateDepositCheckoutPayload> {
    return { checkout: await this.service.createCheckout(bookingId), userErrors: [] };
  }
}
