import type { ModuleManifest } from '../../app/module';
import { WebChatSession } from './web-chat-session.entity';
import { WebChatRepository } from './web-chat.repository';
import { WebChatResolver } from './web-chat.resolver';
import { WebChatService } from './web-chat.service';
import { WebChatWaitsRepository } from './web-chat-waits.repository';
import { WebChatWaitsService } from './web-chat-waits.service';

declare module '../../app/module' {
  interface ModuleServices {
    webChat: WebChatService;
    webChatWaits: WebChatWaitsService;
  }
}

/** The customers' web chat: anonymous, expiring sessions on the one inbound path. */
export const webChatModule: ModuleManifest = {
  name: 'web-chat',
  entities: [WebChatSession],
  resolvers: [WebChatResolver],
  topics: [],
  create(core, { conversations, inbound, extensions }) {
    const webChat = new WebChatService({
      uow: core.uow,
      repository: new WebChatRepository(core.dataSource),
      conversations,
      inbound,
      rateLimits: core.rateLimits,
      sessionDays: core.config.webChat.sessionDays,
    });
    const webChatWaits = new WebChatWaitsService({
      uow: core.uow,
      repository: new WebChatWaitsRepository(core.dataSource),
      conversations,
      extensions,
      logger: core.logger,
      timeZone: core.config.businessTimeZone,
      waitNoticeSeconds: core.config.webChat.waitNoticeSeconds,
      retries: { retryLimit: core.config.jobs.retryLimit, retryDelaySeconds: core.config.jobs.retryDelaySeconds },
    });
    return {
      services: { webChat, webChatWaits },
      resolvers: [new WebChatResolver(webChat, webChatWaits, core.config.business.name)],
      jobs: [...webChat.jobs(), ...webChatWaits.jobs()],
      schedules: [{ job: 'web-chat.forget-expired-sessions', cron: '23 4 * * *' }],
    };
  },
};
