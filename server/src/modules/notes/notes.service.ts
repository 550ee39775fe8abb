import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { userFailure } from '../../shared/graphql/user-errors';
import type { ConversationsService } from '../conversations/conversations.service';
import { ConversationNote } from './conversation-note.entity';
import { NoteTopic } from './notes.events';
import type { NotesRepository } from './notes.repository';

export const NOTE_MAX = 2000;

/** Private notes in threads: any staff member may leave one; they are shown to staff only, live. */
export class NotesService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: NotesRepository;
      conversations: ConversationsService;
    },
  ) {}

  async add(params: { conversationId: string; staffUserId: string; text: string }): Promise<ConversationNote> {
    const text = params.text.trim();
    if (!text) throw userFailure('BLANK', 'Private note: write the note before saving it.', 'text');
    if (text.length > NOTE_MAX) throw userFailure('TOO_LONG', `Private note: use at most ${NOTE_MAX} characters.`, 'text');
    return this.deps.uow.run(async (tx, events) => {
      // The thread's lock keeps a note in order with the messages written beside it.
      const conversation = await this.deps.conversations.lockThread(tx, params.conversationId);
      const note = await this.deps.repository.insert(tx, { conversationId: conversation.id, staffUserId: params.staffUserId, text });
      events.add(NoteTopic.NOTE_ADDED, { note: toSnapshot(note) }, conversation.id);
      return note;
    });
  }

  forConversations(conversationIds: readonly string[]): Promise<ConversationNote[]> {
    return this.deps.repository.forConversations(conversationIds);
  }
}

function toSnapshot(note: ConversationNote): { id: string; conversationId: string; staffUserId: string; text: string; createdAt: string } {
  return { id: note.id, conversationId: note.conversationId, staffUserId: note.staffUserId, text: note.text, createdAt: new Date(note.createdAt).toISOString() };
}

export function noteFromSnapshot(snapshot: { id: string; conversationId: string; staffUserId: string; text: string; createdAt: string }): ConversationNote {
  return Object.assign(new ConversationNote(), { ...snapshot, createdAt: new Date(snapshot.createdAt) });
}
