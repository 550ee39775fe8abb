import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { Public } from '../../shared/auth/access';
import { hashToken } from '../../shared/auth/tokens';
import { ConversationTopic, type WebChatReplyPayload } from '../conversations/conversations.events';
import { messageFromSnapshot } from '../conversations/conversations.service';
import { Message } from '../conversations/message.entity';
import { HISTORY_MESSAGES, type WebChatService } from './web-chat.service';
import type { WebChatWaitsService } from './web-chat-waits.service';
import { SendWebChatMessagePayload, StartWebChatPayload, WebChatWelcome } from './web-chat.types';

/** The customer's side of the web chat: no login, a session token instead. */
@Resolver()
export class WebChatResolver {
  constructor(
    private readonly webChat: WebChatService,
    private readonly waits: WebChatWaitsService,
    private readonly businessName: string,
  ) {}

  @Query(() => WebChatWelcome, { description: 'The business name and whether someone is there now (else when they will be), for the chat window.' })
  @Public()
  async webChatWelcome(): Promise<WebChatWelcome> {
    const { open, opensAt, notice } = await this.waits.availability();
    return { businessName: this.businessName, open, opensAt, afterHoursNotice: notice };
  }

  @Query(() => [Message], {
    description: `The chat so far (its latest ${HISTORY_MESSAGES} messages, oldest first), for the chat window to show on opening and after a reconnect. Empty for a chat the server does not know. Rate-limited per address with the messages.`,
    // A full page of messages, for the query cost limit.
    complexity: ({ childComplexity }) => 1 + HISTORY_MESSAGES * childComplexity,
  })
  @Public()
  webChatHistory(@Arg('sessionToken', () => String) sessionToken: string, @Ctx() context: RequestContext): Promise<Message[]> {
    return this.webChat.history(sessionToken, context.ip);
  }

  @Mutation(() => StartWebChatPayload, { description: 'Begin an anonymous chat. Rate-limited per address.' })
  @Public()
  async startWebChatSession(@Ctx() context: RequestContext): Promise<StartWebChatPayload> {
    return { ...(await this.webChat.startSession(context.ip)), userErrors: [] };
  }

  @Mutation(() => SendWebChatMessagePayload, { description: 'A customer message into their chat. Rate-limited per session and address.' })
  @Public()
  async sendWebChatMessage(
    @Arg('sessionToken', () => String) sessionToken: string,
    @Arg('text', () => String) text: string,
    @Ctx() context: RequestContext,
  ): Promise<SendWebChatMessagePayload> {
    return { ...(await this.webChat.send({ sessionToken, text, ip: context.ip })), userErrors: [] };
  }

  @Subscription(() => Message, {
    topics: ConversationTopic.WEB_CHAT_REPLY,
    topicId: ({ args }) => hashToken(String(args.sessionToken)),
    // Only the connection opened with this session (connectionParams.webChatSession) hears it.
    filter: ({ args, context }) => {
      const principal = (context as RequestContext).principal;
      return principal?.kind === 'webChat' && principal.tokenHash === hashToken(String(args.sessionToken));
    },
    description: 'Replies to a web-chat customer: the assistant’s and staff’s.',
  })
  @Public()
  webChatReply(@Arg('sessionToken', () => String) _sessionToken: string, @Root() payload: WebChatReplyPayload): Message {
    return messageFromSnapshot(payload.message);
  }
}
