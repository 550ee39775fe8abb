import type { ModuleManifest } from '../../app/module';
import { MetaPageSender, WhatsAppSender } from '../../providers/meta/meta.send-api';
import { RingCentralClient } from '../../providers/ringcentral/ringcentral.client';
import { RingCentralSmsSender } from '../../providers/ringcentral/ringcentral.sms';
import { RingCentralSubscriptions } from '../../providers/ringcentral/ringcentral.subscriptions';
import { LocalOutboxSmsSender, OutboxSms } from '../../providers/sms/sms.local';
import { ChannelConnectionRow } from './channel-connection.entity';
import { ChannelConnectionsRepository } from './channel-connections.repository';
import { ChannelConnectionsService } from './channel-connections.service';
import { ChannelConnectionTopic } from './channel-connections.events';
import { ChannelsResolver } from './channels.resolver';
import { OutboundResolver } from './outbound.resolver';
import { ConsentService } from './consent';
import { ConsentRepository } from './consent.repository';
import { MessagingConsent } from './messaging-consent.entity';
import { OutboundDelivery, type OutboundSenders } from './outbound-delivery.service';
import { OutboundSend } from './outbound-send.entity';
import { OutboundRepository } from './outbound.repository';

declare module '../../app/module' {
  interface ModuleServices {
    consent: ConsentService;
    outbound: OutboundDelivery;
    channels: ChannelConnectionsService;
    /** Present when RingCentral is configured: texts, calls and their webhooks share one login. */
    ringCentral?: RingCentralClient;
  }
}

const RENEW_SUBSCRIPTIONS = 'channels.renew-subscriptions';

/**
 * How messages leave and who may receive them: the durable outbound queue with its senders
 * (RingCentral or the local outbox for texts; Meta's Send API), consent, and the provider
 * connections admins see.
 */
export const channelsModule: ModuleManifest = {
  name: 'channels',
  entities: [OutboxSms, MessagingConsent, OutboundSend, ChannelConnectionRow],
  resolvers: [ChannelsResolver, OutboundResolver],
  topics: Object.values(ChannelConnectionTopic),
  create(core) {
    const { config, dataSource, logger, jobs } = core;
    // RingCentral when its credentials are configured; otherwise texts land in the local outbox.
    const ringCentral = config.ringCentral ? new RingCentralClient(config.ringCentral, { timeoutMs: config.providerTimeoutMs }) : undefined;
    const smsSender = ringCentral && config.ringCentral ? new RingCentralSmsSender(ringCentral, config.ringCentral.fromNumber) : new LocalOutboxSmsSender(dataSource);
    const senders: OutboundSenders = { SMS: smsSender };
    // Meta replies need their tokens; without them a reply on those channels fails with a clear reason.
    if (config.meta?.pageAccessToken) {
      senders.MESSENGER = new MetaPageSender('meta-messenger', config.meta.graphApiUrl, config.meta.pageAccessToken, config.providerTimeoutMs);
      senders.INSTAGRAM = new MetaPageSender('meta-instagram', config.meta.graphApiUrl, config.meta.pageAccessToken, config.providerTimeoutMs);
    }
    if (config.meta?.whatsapp) senders.WHATSAPP = new WhatsAppSender(config.meta.graphApiUrl, config.meta.whatsapp, config.providerTimeoutMs);
    const consent = new ConsentService({ repository: new ConsentRepository(dataSource), businessName: config.business.name, helpContact: config.helpContact });
    const outbound = new OutboundDelivery({ uow: core.uow, repository: new OutboundRepository(dataSource), jobs, senders, consent, logger, timeZone: config.businessTimeZone, sendWindow: config.quietHours });
    const channels = new ChannelConnectionsService({
      repository: new ChannelConnectionsRepository(dataSource),
      eventBus: core.eventBus,
      logger,
      ringCentral: ringCentral && config.ringCentral ? new RingCentralSubscriptions(ringCentral, config.ringCentral.webhookToken) : undefined,
      smsSenderKind: smsSender.kind,
      meta: config.meta ? { replyChannels: (['MESSENGER', 'INSTAGRAM', 'WHATSAPP'] as const).filter((channel) => senders[channel]) } : undefined,
      webhookBaseUrl: core.webhookBaseUrl,
    });
    const retries = { retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds };
    return {
      services: { consent, outbound, channels, ringCentral },
      resolvers: [new ChannelsResolver(channels), new OutboundResolver(outbound)],
      jobs: [
        ...outbound.jobs({ ...retries, timeoutSeconds: config.jobs.timeoutSeconds }),
        {
          name: RENEW_SUBSCRIPTIONS,
          ...retries,
          expireInSeconds: 60,
          concurrency: 1,
          handle: async () => {
            await channels.ensureRingCentralSubscription();
          },
        },
      ],
      schedules: [{ job: RENEW_SUBSCRIPTIONS, cron: '17 * * * *' }],
      // Once listening, so RingCentral's validation request reaches us; a failure is recorded and retried hourly.
      afterListen: async () => {
        if (channels.ringCentralConfigured) await channels.ensureRingCentralSubscription().catch(() => undefined);
      },
    };
  },
};
