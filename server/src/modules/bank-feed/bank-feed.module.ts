import type { ModuleManifest } from '../../app/module';
import { PlaidBankFeed } from '../../providers/plaid/plaid.sdk';
import { PlaidWebhookSource } from '../../providers/plaid/plaid.webhook-source';
import { BankConnection } from './bank-connection.entity';
import { BankFeedRepository } from './bank-feed.repository';
import { BankFeedResolver } from './bank-feed.resolver';
import { BankFeedService, SYNC_ALL_BANK_CONNECTIONS } from './bank-feed.service';
import { TokenCipher } from './token-cipher';

declare module '../../app/module' {
  interface ModuleServices {
    bankFeed: BankFeedService;
  }
}

/**
 * The Plaid bank feed: bank logins connected through Link, their transactions synced into the
 * payments ledger (daily, on Plaid's SYNC_UPDATES_AVAILABLE webhook, and on "Sync now"), and
 * their status. Without Plaid keys it offers nothing but the query saying so.
 */
export const bankFeedModule: ModuleManifest = {
  name: 'bank-feed',
  entities: [BankConnection],
  resolvers: [BankFeedResolver],
  topics: [],
  create(core, { webhooks, payments, alerts }) {
    const { config, logger } = core;
    const provider = config.plaid ? new PlaidBankFeed({ ...config.plaid, timeoutMs: config.providerTimeoutMs }) : undefined;
    // config.ts refuses Plaid keys without BANK_TOKEN_KEYS, so both are here or neither.
    const plaid = provider && config.bankTokenKeys ? { provider, cipher: new TokenCipher(config.bankTokenKeys) } : undefined;
    const bankFeed = new BankFeedService({
      uow: core.uow,
      dataSource: core.dataSource,
      repository: new BankFeedRepository(core.dataSource),
      jobs: core.jobs,
      logger,
      ledger: payments,
      alerts,
      plaid,
      clientName: config.business.name,
      webhookUrl: () => `${core.webhookBaseUrl()}/webhooks/plaid`,
    });
    if (plaid) {
      webhooks.register(
        new PlaidWebhookSource(
          plaid.provider,
          { syncUpdatesAvailable: (itemId) => bankFeed.requestSync(itemId), itemStatus: (itemId, code) => bankFeed.itemStatusChanged(itemId, code) },
          logger,
        ),
      );
    }
    return {
      services: { bankFeed },
      resolvers: [new BankFeedResolver(bankFeed, config.plaid?.environment ?? null)],
      jobs: bankFeed.jobs({ retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds, timeoutSeconds: config.jobs.timeoutSeconds }),
      schedules: [{ job: SYNC_ALL_BANK_CONNECTIONS, cron: '23 10 * * *' }],
      // Tokens sealed under a key that is no longer the current one move to it.
      afterListen: async () => {
        await bankFeed.rewrapTokens().catch((error: Error) => logger.error({ err: error.message }, 'bank token re-wrap failed'));
      },
    };
  },
};
