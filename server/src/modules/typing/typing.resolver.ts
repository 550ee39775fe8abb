import { Arg, Ctx, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { Public, staffIdOf, StaffOnly } from '../../shared/auth/access';
import { hashToken } from '../../shared/auth/tokens';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { TypingTopic, type ConversationTypingPayload, type WebChatTypingPayload } from './typing.events';
import type { TypingService } from './typing.service';
import { ConversationTypingEvent, TypingPayload, WebChatTypingEvent } from './typing.types';

@Resolver()
export class TypingResolver {
  constructor(private readonly service: TypingService) {}

  @Mutation(() => TypingPayload, { description: 'The web chat customer started (true) or stopped (false) typing. Throttled, and rate-limited per address; nothing is stored.' })
  @Public()
  async setWebChatTyping(
    @Arg('sessionToken', () => String) sessionToken: string,
    @Arg('typing', () => Boolean) typing: boolean,
    @Ctx() context: RequestContext,
  ): Promise<TypingPayload> {
    await this.service.customerTyping({ sessionToken, typing, ip: context.ip });
    return { ok: true, userErrors: [] };
  }

  @Mutation(() => TypingPayload, { description: 'You started (true) or stopped (false) typing a reply in a web chat thread you hold. Throttled; nothing is stored.' })
  @StaffOnly()
  async setStaffTyping(@Arg('conversationId', () => ID) conversationId: string, @Arg('typing', () => Boolean) typing: boolean, @Ctx() context: RequestContext): Promise<TypingPayload> {
    await this.service.staffTyping({ conversationId, typing, staffUserId: staffIdOf(context) });
    return { ok: true, userErrors: [] };
  }

  @Subscription(() => ConversationTypingEvent, {
    topics: TypingTopic.CONVERSATION_TYPING,
    topicId: ({ args }) => fromGlobalId('Conversation', String(args.conversationId)) ?? 'none',
    // A held thread's customer is shown typing to its holder only.
    filter: ({ payload, context }) => {
      const holderId = (payload as ConversationTypingPayload).holderId;
      const principal = (context as RequestContext).principal;
      return holderId === null || (principal?.kind === 'staff' && principal.staffUserId === holderId);
    },
    description: 'The customer of a web chat thread typing: to the staff member holding it, or to everyone watching while nobody does.',
  })
  @StaffOnly()
  conversationTyping(@Arg('conversationId', () => ID) conversationId: string, @Root() payload: ConversationTypingPayload): ConversationTypingEvent {
    return { conversationId, typing: payload.typing, expiresInSeconds: payload.expiresInSeconds };
  }

  @Subscription(() => WebChatTypingEvent, {
    topics: TypingTopic.WEB_CHAT_TYPING,
    topicId: ({ args }) => hashToken(String(args.sessionToken)),
    filter: ({ args, context }) => {
      const principal = (context as RequestContext).principal;
      return principal?.kind === 'webChat' && principal.tokenHash === hashToken(String(args.sessionToken));
    },
    description: 'Someone on the team typing to this web chat customer.',
  })
  @Public()
  webChatTyping(@Arg('sessionToken', () => String) _sessionToken: string, @Root() payload: WebChatTypingPayload): WebChatTypingEvent {
    return payload;
  }
}
