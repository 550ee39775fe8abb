import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { staffIdOf, StaffOnly } from '../../shared/auth/access';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { Conversation } from '../conversations/conversation.entity';
import { StaffUser } from '../staff/staff-user.entity';
import { ConversationNote } from './conversation-note.entity';
import { NoteTopic, type ConversationNoteAddedPayload } from './notes.events';
import { noteFromSnapshot, type NotesService } from './notes.service';
import { AddConversationNotePayload } from './notes.types';

@Resolver(() => ConversationNote)
export class NotesResolver {
  constructor(private readonly service: NotesService) {}

  @Mutation(() => AddConversationNotePayload, { description: 'Leave a private note in a thread: staff see it live; the customer never does.' })
  @StaffOnly()
  async addConversationNote(
    @Arg('conversationId', () => ID) conversationId: string,
    @Arg('text', () => String) text: string,
    @Ctx() context: RequestContext,
  ): Promise<AddConversationNotePayload> {
    return { note: await this.service.add({ conversationId, text, staffUserId: staffIdOf(context) }), userErrors: [] };
  }

  @FieldResolver(() => StaffUser, { nullable: true, description: 'Who wrote it.' })
  author(@Root() note: ConversationNote, @Ctx() context: RequestContext): Promise<StaffUser | null> {
    return context.loaders.staffUserById.load(note.staffUserId);
  }

  @Subscription(() => ConversationNote, {
    topics: NoteTopic.NOTE_ADDED,
    topicId: ({ args }) => fromGlobalId('Conversation', String(args.conversationId)) ?? 'none',
    description: 'Private notes left in one thread, as they are saved.',
  })
  @StaffOnly()
  conversationNoteAdded(@Arg('conversationId', () => ID) _conversationId: string, @Root() payload: ConversationNoteAddedPayload): ConversationNote {
    return noteFromSnapshot(payload.note);
  }
}

@Resolver(() => Conversation)
export class ConversationNotesResolver {
  @FieldResolver(() => [ConversationNote], { description: 'Private notes staff left in the thread, oldest first. Never shown to the customer.' })
  notes(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<ConversationNote[]> {
    return context.loaders.notesByConversationId.load(conversation.id);
  }
}
