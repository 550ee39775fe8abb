import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/graphql/connection';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { TravelQuote } from './travel-quote.entity';

export const TravelQuoteConnection = connectionType(TravelQuote, 'TravelQuote');

@ObjectType()
export class QuoteTravelPayload extends MutationPayload {
  @Field(() => TravelQuote, { nullable: true, description: 'The stored quote (declined ones too); null when userErrors is not empty.' })
  quote?: TravelQuote | null;
}
