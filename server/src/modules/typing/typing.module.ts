import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { ModuleManifest } from '../../app/module';
import { TypingTopic } from './typing.events';
import { TypingResolver } from './typing.resolver';
import { TYPING_THROTTLE_SECONDS, TypingService } from './typing.service';

/** Typing indicators in web chat, both ways; ephemeral. */
export const typingModule: ModuleManifest = {
  name: 'typing',
  entities: [],
  resolvers: [TypingResolver],
  topics: Object.values(TypingTopic),
  create(core, { webChat, conversations, escalations, staff }) {
    const limiter = (name: string, points: number, duration: number) => {
      const options = { keyPrefix: `${core.config.redis.keyPrefix}rl:${name}`, points, duration };
      return core.redis ? new RateLimiterRedis({ ...options, storeClient: core.redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
    };
    const typing = new TypingService({
      eventBus: core.eventBus,
      throttle: limiter('typing', 1, TYPING_THROTTLE_SECONDS),
      // Well above what the chat windows behind one address send (one every few seconds each).
      callsByIp: limiter('typing-ip', core.config.webChat.maxMessagesPerMinutePerIp * 2, 60),
      webChat,
      conversations,
      escalations,
      staff,
    });
    return { resolvers: [new TypingResolver(typing)] };
  },
};
