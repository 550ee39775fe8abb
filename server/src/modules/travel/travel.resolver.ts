import { Arg, Args, Mutation, Query, Resolver } from 'type-graphql';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import type { Connection } from '../../shared/graphql/connection';
import { TravelQuote } from './travel-quote.entity';
import { QuoteTravelInput, TravelQuotesArgs } from './travel.inputs';
import type { TravelService } from './travel.service';
import { QuoteTravelPayload, TravelQuoteConnection } from './travel.types';

@Resolver(() => TravelQuote)
export class TravelResolver {
  constructor(private readonly service: TravelService) {}

  @Mutation(() => QuoteTravelPayload, {
    description:
      'Quotes the travel fee to an address and stores the quote. An address past the service area gets a declined quote; one that cannot be found gets a userError on address.',
  })
  @StaffOnly(ApiScope.TRAVEL_READ)
  async quoteTravel(@Arg('input', () => QuoteTravelInput) input: QuoteTravelInput): Promise<QuoteTravelPayload> {
    return { quote: await this.service.quoteForEvent(input), userErrors: [] };
  }

  @Query(() => TravelQuoteConnection, { description: 'Stored travel quotes, newest first.' })
  @StaffOnly(ApiScope.TRAVEL_READ)
  travelQuotes(@Args(() => TravelQuotesArgs) args: TravelQuotesArgs): Promise<Connection<TravelQuote>> {
    return this.service.list(args);
  }
}
