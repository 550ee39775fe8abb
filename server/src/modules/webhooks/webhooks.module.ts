import type { ModuleManifest } from '../../app/module';
import { MetaWebhookSource } from '../../providers/meta/meta.webhook-source';
import { fromMeta, fromMetaEcho, fromSms } from '../inbound/inbound-channels';
import { RingCentralTranscriptSource } from '../../providers/ringcentral/ringcentral-ai.webhook-source';
import { RingCentralWebhookSource } from '../../providers/ringcentral/ringcentral.webhook-source';
import { WebhookEvent, WebhookRejectionSample, WebhookRejectionTally } from './webhook-event.entity';
import { FORGET_OLD_REJECTIONS, WebhookInboxService } from './webhook-inbox.service';
import type { WebhookSource } from './webhook-provider';
import { WebhooksRepository } from './webhooks.repository';
import { WebhookTopic } from './webhooks.events';
import { WebhooksResolver } from './webhooks.resolver';

declare module '../../app/module' {
  interface ModuleServices {
    webhooks: WebhookInboxService;
  }
}

/**
 * The durable webhook inbox, and the provider deliveries it verifies and applies: each source
 * hands its events to the services they concern, through the same paths the console uses.
 */
export const webhooksModule: ModuleManifest = {
  name: 'webhooks',
  entities: [WebhookEvent, WebhookRejectionTally, WebhookRejectionSample],
  resolvers: [WebhooksResolver],
  topics: Object.values(WebhookTopic),
  create(core, { inbound, outbound, telephony, social }) {
    const { config } = core;
    const webhooks = new WebhookInboxService({
      uow: core.uow,
      repository: new WebhooksRepository(core.dataSource, config.graphqlMaxPageSize),
      jobs: core.jobs,
      eventBus: core.eventBus,
      logger: core.logger,
      answerMs: config.webhooks.answerMs,
    });
    const sources: WebhookSource[] = [];
    if (config.ringCentral) {
      sources.push(
        new RingCentralWebhookSource(config.ringCentral.webhookToken, {
          inboundSms: (sms) => inbound.receive(fromSms(sms)),
          messageStoreChanged: () => outbound.refreshStatuses(),
          callStatus: (event) => telephony.callStatusChanged(event),
          voicemail: (providerMessageId) => telephony.voicemailReceived(providerMessageId),
        }),
        new RingCentralTranscriptSource(config.ringCentral.webhookToken, (phoneCallId, result) => telephony.callTranscribed(phoneCallId, result)),
      );
    }
    if (config.meta) {
      sources.push(
        new MetaWebhookSource(config.meta, {
          directMessage: (message) => inbound.receive(fromMeta(message)),
          echo: (echo) => inbound.receiveEcho(fromMetaEcho(echo)),
          deliveryStatus: (report) => outbound.recordProviderStatus('WHATSAPP', report),
          comment: (comment) => social.recordComment(comment),
        }),
      );
    }
    for (const source of sources) webhooks.register(source);
    return {
      services: { webhooks },
      resolvers: [new WebhooksResolver(webhooks)],
      jobs: webhooks.jobs({ retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds }),
      schedules: [{ job: FORGET_OLD_REJECTIONS, cron: '41 4 * * *' }],
    };
  },
};
