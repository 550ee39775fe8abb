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
    const options = { keyPrefix: `${core.config.redis.keyPrefix}rl:typing`, points: 1, duration: TYPING_THROTTLE_SECONDS };
    const throttle = core.redis ? new RateLimiterRedis({ ...options, storeClient: core.redis, insuranceLimiter: new RateLimiterMemory(options) }) : new RateLimiterMemory(options);
    const typing = new TypingService({ eventBus: core.eventBus, throttle, webChat, conversations, escalations, staff });
    return { resolvers: [new TypingResolver(typing)] };
  },
};
