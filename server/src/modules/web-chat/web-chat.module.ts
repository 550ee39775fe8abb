import type { ModuleManifest } from '../../app/module';
import { WebChatSession } from './web-chat-session.entity';
import { WebChatRepository } from './web-chat.repository';
import { WebChatResolver } from './web-chat.resolver';
import { WebChatService } from './web-chat.service';

declare module '../../app/module' {
  interface ModuleServices {
    webChat: WebChatService;
  }
}

/** The customers' web chat: anonymous, expiring sessions on the one inbound path. */
export const webChatModule: ModuleManifest = {
  name: 'web-chat',
  entities: [WebChatSession],
  resolvers: [WebChatResolver],
  topics: [],
  create(core, { conversations, inbound }) {
    const webChat = new WebChatService({
      uow: core.uow,
      repository: new WebChatRepository(core.dataSource),
      conversations,
      inbound,
      rateLimits: core.rateLimits,
      sessionDays: core.config.webChat.sessionDays,
    });
    return {
      services: { webChat },
      resolvers: [new WebChatResolver(webChat)],
      jobs: webChat.jobs(),
      schedules: [{ job: 'web-chat.forget-expired-sessions', cron: '23 4 * * *' }],
    };
  },
};
