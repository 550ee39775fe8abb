import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { BankConnection, BankSyncSummary } from './bank-connection.entity';

@ObjectType({ description: 'The bank feed: whether Plaid is set up on this server, and the banks connected through it.' })
export class BankFeed {
  @Field(() => Boolean, { description: 'False without PLAID_CLIENT_ID and PLAID_SECRET: bank statements are uploaded on the Payments page instead.' })
  plaidConfigured!: boolean;

  @Field(() => String, { nullable: true, description: 'sandbox or production, when Plaid is set up.' })
  plaidEnvironment!: string | null;

  @Field(() => [BankConnection])
  connections!: BankConnection[];
}

@ObjectType()
export class CreatePlaidLinkTokenPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: 'Opens Plaid Link in the console; null when userErrors is not empty.' })
  linkToken?: string | null;

  @Field(() => Date, { nullable: true })
  expiration?: Date | null;
}

@ObjectType()
export class ExchangePlaidPublicTokenPayload extends MutationPayload {
  @Field(() => BankConnection, { nullable: true, description: 'The connected bank; its first sync is queued.' })
  connection?: BankConnection | null;
}

@ObjectType()
export class SyncBankTransactionsPayload extends MutationPayload {
  @Field(() => BankConnection, { nullable: true })
  connection?: BankConnection | null;

  @Field(() => BankSyncSummary, { nullable: true, description: 'What this sync handed to the payments ledger; null when it did not run to the end.' })
  synced?: BankSyncSummary | null;
}
