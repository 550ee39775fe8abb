import type { DataSource } from 'typeorm';
import type { ContainerType } from 'type-graphql';
import type Redis from 'ioredis';
import { createMessageAnalyzer } from '../modules/assistant/analyzer.factory';
import { BookingsService } from '../modules/bookings/bookings.service';
import { ConversationsResolver } from '../modules/conversations/conversations.resolver';
import { ConversationsService } from '../modules/conversations/conversations.service';
import { WebChatResolver } from '../modules/conversations/web-chat.resolver';
import { WebChatService } from '../modules/conversations/web-chat.service';
import { CustomersRepository } from '../modules/customers/customers.repository';
import { EscalationsResolver } from '../modules/escalations/escalations.resolver';
import { EscalationsService } from '../modules/escalations/escalations.service';
import { MetricsResolver } from '../modules/metrics/metrics.resolver';
import { MetricsService } from '../modules/metrics/metrics.service';
import { LocalOutboxSmsSender } from '../providers/sms/sms.local';
import { RingCentralClient } from '../providers/ringcentral/ringcentral.client';
import { RingCentralSmsSender } from '../providers/ringcentral/ringcentral.sms';
import { RingCentralSubscriptions } from '../providers/ringcentral/ringcentral.subscriptions';
import { ChannelConnectionsService } from '../modules/channels/channel-connections.service';
import { ChannelsResolver } from '../modules/channels/channels.resolver';
import { OutboundResolver } from '../modules/channels/outbound.resolver';
import { RingCentralWebhookSource } from '../modules/channels/ringcentral.source';
import { RingCentralTranscriptSource, transcriptCallbackUrl } from '../modules/channels/ringcentral-transcripts.source';
import { TelephonyResolver } from '../modules/telephony/telephony.resolver';
import { TelephonyService } from '../modules/telephony/telephony.service';
import { RingCentralCallControl, RingCentralCallTranscriber, RingCentralVoicemails } from '../providers/ringcentral/ringcentral.telephony';
import { OutboundDelivery, type OutboundSenders } from '../modules/channels/outbound-delivery.service';
import { MetaWebhookSource } from '../modules/channels/meta.source';
import { SocialResolver } from '../modules/social/social.resolver';
import { SocialService } from '../modules/social/social.service';
import { MetaPageSender, WhatsAppSender } from '../providers/meta/meta.send-api';
import { WebhookInboxService } from '../modules/webhooks/webhook-inbox.service';
import { WebhooksResolver } from '../modules/webhooks/webhooks.resolver';
import type { JobQueue } from '../shared/jobs/job-queue';
import type { Logger } from '../shared/logger';
import { ExtensionsResolver } from '../modules/extensions/extensions.resolver';
import { ExtensionsService } from '../modules/extensions/extensions.service';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { StaffService } from '../modules/staff/staff.service';
import { createRateLimits } from '../shared/auth/rate-limits';
import type { EventBus } from '../shared/pubsub/event-bus';
import type { Config } from './config';
import { Channel } from '../modules/conversations/channel';
import { IdentityKind } from '../modules/customers/customer.entity';

/**
 * The object graph, wired by hand: every service and resolver is listed here with what it
 * depends on, so there is no hidden registration to look for.
 */
export function createServices(params: {
  config: Config;
  dataSource: DataSource;
  eventBus: EventBus;
  logger: Logger;
  jobs: JobQueue;
  /** Where providers reach this server's webhooks (PUBLIC_URL, else the address it listens on). */
  webhookBaseUrl: () => string;
  redis?: Redis;
}) {
  const { config, dataSource, eventBus, logger, jobs } = params;
  const rateLimits = createRateLimits(config, params.redis);
  const staff = new StaffService({
    dataSource,
    rateLimits,
    sessionTtlHours: config.sessionTtlHours,
  });
  const extensions = new ExtensionsService({
    dataSource,
    eventBus,
    businessTimeZone: config.businessTimeZone,
    maxPageSize: config.graphqlMaxPageSize,
  });
  // RingCentral when its credentials are configured; otherwise texts land in the local outbox.
  const ringCentralClient = config.ringCentral ? new RingCentralClient(config.ringCentral, { timeoutMs: config.providerTimeoutMs }) : undefined;
  const smsSender = ringCentralClient && config.ringCentral ? new RingCentralSmsSender(ringCentralClient, config.ringCentral.fromNumber) : new LocalOutboxSmsSender(dataSource);
  const senders: OutboundSenders = { SMS: smsSender };
  // Meta replies need their tokens; without them a reply on those channels fails with a clear reason.
  if (config.meta?.pageAccessToken) {
    senders.MESSENGER = new MetaPageSender('meta-messenger', config.meta.graphApiUrl, config.meta.pageAccessToken, config.providerTimeoutMs);
    senders.INSTAGRAM = new MetaPageSender('meta-instagram', config.meta.graphApiUrl, config.meta.pageAccessToken, config.providerTimeoutMs);
  }
  if (config.meta?.whatsapp) senders.WHATSAPP = new WhatsAppSender(config.meta.graphApiUrl, config.meta.whatsapp, config.providerTimeoutMs);
  const outbound = new OutboundDelivery({ dataSource, jobs, senders, logger, timeZone: config.businessTimeZone });
  const analyzer = createMessageAnalyzer(config.assistant, logger);
  const escalations = new EscalationsService({
    dataSource,
    eventBus,
    sms: outbound,
    logger,
    businessTimeZone: config.businessTimeZone,
    ackTimeoutSeconds: config.escalations.ackTimeoutSeconds,
  });
  const conversations = new ConversationsService({
    dataSource,
    eventBus,
    logger,
    analyzer,
    customers: new CustomersRepository(),
    bookings: new BookingsService(),
    escalations,
    outbound,
    consentReplies: { businessName: config.business.name, helpContact: config.helpContact },
    assistantEnabled: config.assistant.enabled,
    policy: {
      businessName: config.business.name,
      confidenceThreshold: config.assistant.confidenceThreshold,
      maxAttempts: config.assistant.maxAttempts,
      pricePerGuestCents: config.business.pricePerGuestCents,
      minimumSpendCents: config.business.minimumSpendCents,
      faqAnswers: config.business.faq,
    },
    businessTimeZone: config.businessTimeZone,
    maxPageSize: config.graphqlMaxPageSize,
  });
  const webChat = new WebChatService({ conversations, rateLimits });
  const webhooks = new WebhookInboxService({ dataSource, jobs, logger, maxPageSize: config.graphqlMaxPageSize });
  const channels = new ChannelConnectionsService({
    dataSource,
    logger,
    ringCentral: ringCentralClient && config.ringCentral ? new RingCentralSubscriptions(ringCentralClient, config.ringCentral.webhookToken) : undefined,
    smsSenderKind: smsSender.kind,
    meta: config.meta ? { replyChannels: (['MESSENGER', 'INSTAGRAM', 'WHATSAPP'] as const).filter((channel) => senders[channel]) } : undefined,
    webhookBaseUrl: params.webhookBaseUrl,
  });
  // Calls and voicemail need RingCentral; without it there are none, and a transfer says so.
  const telephony = new TelephonyService({
    dataSource,
    logger,
    jobs,
    businessTimeZone: config.businessTimeZone,
    maxPageSize: config.graphqlMaxPageSize,
    callControl: ringCentralClient ? new RingCentralCallControl(ringCentralClient) : undefined,
    voicemails: ringCentralClient ? new RingCentralVoicemails(ringCentralClient) : undefined,
    transcriber: ringCentralClient ? new RingCentralCallTranscriber(ringCentralClient) : undefined,
    // The callback secret derives from the webhook token: one less secret to configure.
    transcriptCallbackUrl: (phoneCallId) => transcriptCallbackUrl(params.webhookBaseUrl(), config.ringCentral?.webhookToken ?? '', phoneCallId),
    receiveMessage: (message) => conversations.receive(message),
    announce: (caller, text) => conversations.announce({ channel: Channel.PHONE, address: caller, identity: { kind: IdentityKind.PHONE, value: caller }, text }),
  });
  if (config.ringCentral) {
    webhooks.register(
      new RingCentralWebhookSource(config.ringCentral.webhookToken, {
        inboundSms: (text) => conversations.receiveSms(text),
        messageStoreChanged: () => outbound.refreshStatuses(),
        callStatus: (event) => telephony.callStatusChanged(event),
        voicemail: (providerMessageId) => telephony.voicemailReceived(providerMessageId),
      }),
    );
    webhooks.register(new RingCentralTranscriptSource(config.ringCentral.webhookToken, (phoneCallId, result) => telephony.callTranscribed(phoneCallId, result)));
  }
  const social = new SocialService({ dataSource, analyzer, timeZone: config.businessTimeZone, maxPageSize: config.graphqlMaxPageSize });
  if (config.meta) {
    webhooks.register(
      new MetaWebhookSource(config.meta, {
        directMessage: (message) => conversations.receiveMetaMessage(message),
        deliveryStatus: (report) => outbound.recordProviderStatus('WHATSAPP', report),
        comment: (comment) => social.recordComment(comment),
      }),
    );
  }
  const metrics = new MetricsService(dataSource, webhooks);
  return { dataSource, rateLimits, staff, extensions, escalations, conversations, webChat, metrics, outbound, webhooks, channels, social, telephony, jobs };
}

export type Services = ReturnType<typeof createServices>;

export function createResolverContainer(services: Services): ContainerType {
  const instances = new Map<Function, object>([
    [StaffResolver, new StaffResolver(services.staff)],
    [ExtensionsResolver, new ExtensionsResolver(services.extensions)],
    [ConversationsResolver, new ConversationsResolver(services.conversations, services.dataSource)],
    [EscalationsResolver, new EscalationsResolver(services.conversations, services.escalations, services.dataSource)],
    [WebChatResolver, new WebChatResolver(services.webChat)],
    [MetricsResolver, new MetricsResolver(services.metrics)],
    [WebhooksResolver, new WebhooksResolver(services.webhooks)],
    [ChannelsResolver, new ChannelsResolver(services.channels)],
    [TelephonyResolver, new TelephonyResolver(services.telephony)],
    [SocialResolver, new SocialResolver(services.social)],
    [OutboundResolver, new OutboundResolver(services.outbound)],
  ]);
  return {
    get(resolverClass: Function) {
      const instance = instances.get(resolverClass);
      if (!instance) throw new Error(`${resolverClass.name} is not wired in app/container.ts`);
      return instance;
    },
  };
}
