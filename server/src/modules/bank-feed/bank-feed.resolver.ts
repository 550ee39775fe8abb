import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { AdminOnly, staffIdOf } from '../../shared/auth/access';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import { BankConnection } from './bank-connection.entity';
import type { BankFeedService } from './bank-feed.service';
import { BankFeed, CreatePlaidLinkTokenPayload, ExchangePlaidPublicTokenPayload, SyncBankTransactionsPayload } from './bank-feed.types';

@Resolver(() => BankConnection)
export class BankFeedResolver {
  constructor(
    private readonly service: BankFeedService,
    private readonly plaidEnvironment: string | null,
  ) {}

  @Query(() => BankFeed, { description: 'The bank feed’s connections and their status, and whether Plaid is set up.' })
  @AdminOnly()
  async bankFeed(): Promise<BankFeed> {
    return { plaidConfigured: this.service.plaidConfigured, plaidEnvironment: this.plaidEnvironment, connections: await this.service.list() };
  }

  @Mutation(() => CreatePlaidLinkTokenPayload, {
    description: 'A token that opens Plaid Link to connect a bank; with connectionId, to re-connect that bank (Link’s update mode).',
  })
  @AdminOnly()
  async createPlaidLinkToken(
    @Arg('connectionId', () => ID, { nullable: true }) connectionId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<CreatePlaidLinkTokenPayload> {
    const { linkToken, expiration } = await this.service.createLinkToken(staffIdOf(context), connectionId);
    return { linkToken, expiration, userErrors: [] };
  }

  @Mutation(() => ExchangePlaidPublicTokenPayload, { description: 'Completes Plaid Link: stores the bank connection (its key sealed) and queues its first sync.' })
  @AdminOnly()
  async exchangePlaidPublicToken(@Arg('publicToken', () => String) publicToken: string): Promise<ExchangePlaidPublicTokenPayload> {
    return { connection: await this.service.exchangePublicToken(publicToken), userErrors: [] };
  }

  @Mutation(() => SyncBankTransactionsPayload, { description: 'Syncs a bank connection’s transactions into the payments ledger now.' })
  @AdminOnly()
  async syncBankTransactions(@Arg('connectionId', () => ID) connectionId: string): Promise<SyncBankTransactionsPayload> {
    const { connection, outcome } = await this.service.syncNow(connectionId);
    switch (outcome.outcome) {
      case 'SYNCED':
        return { connection, synced: { added: outcome.added, modified: outcome.modified, removed: outcome.removed }, userErrors: [] };
      case 'BUSY':
        return failed(connection, 'SYNC_RUNNING', 'A sync of this bank is already running. Its transactions will appear when it finishes.');
      case 'NEEDS_RECONNECT':
        return failed(connection, 'NEEDS_RECONNECT', 'The bank asks you to sign in again. Choose Re-connect, then Sync now.');
      case 'SKIPPED':
        return failed(connection, 'DISCONNECTED', 'This bank connection was disconnected. Connect the bank again.');
      case 'FAILED':
        return failed(connection, 'SYNC_FAILED', outcome.retry ? 'The bank did not answer. Try Sync now again in a minute.' : 'The bank refused the sync. Re-connect the bank, then Sync now.');
    }
  }
}

/** The connection as it is now (its status may have changed), with why the sync did not finish. */
function failed(connection: BankConnection, code: string, message: string): SyncBankTransactionsPayload {
  return { connection, synced: null, userErrors: new UserInputFailure([{ code, message, field: 'connectionId' }]).userErrors };
}
