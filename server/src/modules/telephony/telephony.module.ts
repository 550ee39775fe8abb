import type { ModuleManifest } from '../../app/module';
import { RingCentralCallControl, RingCentralCallTranscriber, RingCentralVoicemails } from '../../providers/ringcentral/ringcentral.telephony';
import { transcriptCallbackUrl } from '../../providers/ringcentral/ringcentral-ai.webhook-source';
import { Channel } from '../conversations/channel';
import { IdentityKind } from '../customers/customer.entity';
import { PhoneCall } from './phone-call.entity';
import { TelephonyResolver } from './telephony.resolver';
import { PhoneCallsRepository } from './telephony.repository';
import { TelephonyService } from './telephony.service';

declare module '../../app/module' {
  interface ModuleServices {
    telephony: TelephonyService;
  }
}

/** Phone calls: routing by business hours, voicemail and call transcripts into threads, transfers. */
export const telephonyModule: ModuleManifest = {
  name: 'telephony',
  entities: [PhoneCall],
  resolvers: [TelephonyResolver],
  topics: [],
  create(core, { ringCentral, inbound, conversations, extensions, rotations }) {
    const { config } = core;
    // Calls and voicemail need RingCentral; without it there are none, and a transfer says so.
    const telephony = new TelephonyService({
      uow: core.uow,
      calls: new PhoneCallsRepository(core.dataSource, config.graphqlMaxPageSize),
      rotations,
      extensions,
      logger: core.logger,
      jobs: core.jobs,
      businessTimeZone: config.businessTimeZone,
      callControl: ringCentral ? new RingCentralCallControl(ringCentral) : undefined,
      voicemails: ringCentral ? new RingCentralVoicemails(ringCentral) : undefined,
      transcriber: ringCentral ? new RingCentralCallTranscriber(ringCentral) : undefined,
      // The callback secret derives from the webhook token: one less secret to configure.
      transcriptCallbackUrl: (phoneCallId) => transcriptCallbackUrl(core.webhookBaseUrl(), config.ringCentral?.webhookToken ?? '', phoneCallId),
      receiveMessage: (message) => inbound.receive(message),
      announce: (caller, text) => conversations.announce({ channel: Channel.PHONE, address: caller, identity: { kind: IdentityKind.PHONE, value: caller }, text }),
    });
    return {
      services: { telephony },
      resolvers: [new TelephonyResolver(telephony)],
      jobs: telephony.jobs({ retryLimit: config.jobs.retryLimit, retryDelaySeconds: config.jobs.retryDelaySeconds }),
    };
  },
};
