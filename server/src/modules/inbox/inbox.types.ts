import { Field, ID, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../shared/graphql/user-errors';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';

@ObjectType()
export class MarkConversationReadPayload extends MutationPayload {
  @Field(() => Conversation, { nullable: true, description: 'The thread, its unread count for you now 0 (or what arrived after the message named).' })
  conversation?: Conversation | null;
}

/** What a subscription event about one thread hands its field resolvers: the thread is read once per event. */
export interface ThreadEventRoot {
  conversationId: string;
}

/**
 * The same for every console with the same access, so it is rendered once for all of them
 * (app/ws.ts): nothing on it is answered per viewer. Consoles count unread messages themselves
 * from it and take the exact counts from queries and `conversationRead`.
 */
@ObjectType({ description: 'A new message in any thread: the lists, unread counts and alerts follow it. The same for every console; your unread counts come from queries and conversationRead.' })
export class ConversationActivityEvent implements ThreadEventRoot {
  @Field(() => ID, { name: 'conversationId', description: 'The thread’s id.' })
  conversationGlobalId!: string;

  conversationId!: string;

  @Field(() => Message)
  message!: Message;
}

@ObjectType({ description: 'You read a thread (in this console or another one of yours).' })
export class ConversationReadEvent implements ThreadEventRoot {
  @Field(() => ID, { name: 'conversationId' })
  conversationGlobalId!: string;

  conversationId!: string;
}

/** The held threads' total that queries and `conversationRead` carry, so the navigation's count stays exact. */
export const UNREAD_IN_HELD_THREADS = 'Unread customer messages in the threads you hold.';

