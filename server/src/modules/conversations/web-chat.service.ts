import { GraphQLError } from 'graphql';
import { takeAllowance, type RateLimits } from '../../shared/auth/rate-limits';
import { userFailure } from '../../shared/graphql/user-errors';
import type { ConversationsService } from './conversations.service';

/**
 * The public web chat: anonymous sessions, rate-limited per session and per address, feeding
 * the same inbound path as every other channel.
 */
export class WebChatService {
  constructor(private readonly deps: { conversations: ConversationsService; rateLimits: RateLimits }) {}

  async startSession(ip: string): Promise<{ sessionToken: string }> {
    await this.limit(this.deps.rateLimits.webChatSessionsByIp, ip, 'Too many new chats from this address. Wait a minute and try again.');
    return this.deps.conversations.openWebChat();
  }

  async send(params: { sessionToken: string; text: string; ip: string }) {
    if (!(await this.deps.conversations.webChatSessionExists(params.sessionToken))) {
      throw userFailure('UNKNOWN_SESSION', 'This chat session has expired or does not exist. Start a new chat.', 'sessionToken');
    }
    await this.limit(this.deps.rateLimits.webChatMessagesByIp, params.ip, 'Too many messages from this address. Wait a minute and try again.');
    await this.limit(this.deps.rateLimits.webChatMessagesBySession, params.sessionToken, 'You are sending messages very quickly. Wait a minute and try again.');
    return this.deps.conversations.receiveWebChatMessage(params.sessionToken, params.text);
  }

  private async limit(limiter: RateLimits['webChatMessagesByIp'], key: string, message: string): Promise<void> {
    if (!(await takeAllowance(limiter, key))) {
      throw new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } });
    }
  }
}
