import type { ModuleManifest } from '../../app/module';
import { GoogleBusinessSdk } from '../../providers/google/google-business.sdk';
import { GooglePubSubWebhookSource } from '../../providers/google/google-pubsub.webhook-source';
import { TokenCipher } from '../bank-feed/token-cipher';
import { ReviewSource } from '../reviews/review-source.port';
import { GoogleConnection, GoogleOAuthState } from './google-connection.entity';
import { GoogleBusinessRepository } from './google-business.repository';
import { GoogleBusinessResolver } from './google-business.resolver';
import { GoogleBusinessService, SYNC_GOOGLE_REVIEWS } from './google-business.service';

declare module '../../app/module' {
  interface ModuleServices {
    googleBusiness: GoogleBusinessService;
  }
}

/**
 * Google Business Profile as a review source: the connection (consent, tokens sealed at rest,
 * the location), the hourly sync and Pub/Sub pushes that hand reviews to the reviews module, and
 * the poster of replies. Without GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET it offers only the
 * query saying Google is not configured (the reviews module's local source covers that case).
 */
export const googleBusinessModule: ModuleManifest = {
  name: 'google-business',
  entities: [GoogleConnection, GoogleOAuthState],
  resolvers: [GoogleBusinessResolver],
  topics: [],
  create(core, modules) {
    const { config, logger } = core;
    const { webhooks, alerts, reviews: intake } = modules;
    const settings = config.googleBusiness;
    // config.ts refuses Google credentials without BANK_TOKEN_KEYS, so both are here or neither.
    const google =
      settings && config.bankTokenKeys
        ? {
            provider: new GoogleBusinessSdk({
              clientId: settings.clientId,
              clientSecret: settings.clientSecret,
              redirectUrl: () => settings.redirectUrl ?? `${core.webhookBaseUrl()}/oauth/google/callback`,
              authUrl: settings.authUrl,
              tokenUrl: settings.tokenUrl,
              apiRoots: settings.apiRoots,
              timeoutMs: config.providerTimeoutMs,
            }),
            cipher: new TokenCipher(config.bankTokenKeys, 'google_connection'),
          }
        : undefined;
    const googleBusiness = new GoogleBusinessService({
      uow: core.uow,
      dataSource: core.dataSource,
      repository: new GoogleBusinessRepository(core.dataSource),
      jobs: core.jobs,
      logger,
      alerts,
      intake,
      google,
    });
    if (google) {
      intake.registerReplyPoster(ReviewSource.GOOGLE, googleBusiness);
      if (settings?.pubsub) {
        webhooks.register(
          new GooglePubSubWebhookSource(
            { audience: settings.pubsub.audience, serviceAccount: settings.pubsub.serviceAccount, certsUrl: settings.oidcCertsUrl },
            { reviewChanged: (reviewName) => googleBusiness.reviewChanged(reviewName) },
            logger,
          ),
        );
      }
    }
    return {
      services: { googleBusiness },
      resolvers: [new GoogleBusinessResolver(googleBusiness)],
      jobs: googleBusiness.jobs({ retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds, timeoutSeconds: config.jobs.timeoutSeconds }),
      // Hourly, off the hour so it does not meet every other schedule; a disconnected server does nothing.
      schedules: google ? [{ job: SYNC_GOOGLE_REVIEWS, cron: '17 * * * *' }] : [],
    };
  },
};
