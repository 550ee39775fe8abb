import DataLoader from 'dataloader';
import type { ModuleManifest } from '../../app/module';
import { ConversationNote } from './conversation-note.entity';
import { NoteTopic } from './notes.events';
import { NotesRepository } from './notes.repository';
import { ConversationNotesResolver, NotesResolver } from './notes.resolver';
import { NotesService } from './notes.service';

declare module '../../app/module' {
  interface ModuleServices {
    notes: NotesService;
  }
  interface Loaders {
    notesByConversationId: DataLoader<string, ConversationNote[]>;
  }
}

/** Private notes staff leave in threads. */
export const notesModule: ModuleManifest = {
  name: 'notes',
  entities: [ConversationNote],
  resolvers: [NotesResolver, ConversationNotesResolver],
  topics: Object.values(NoteTopic),
  create(core, { conversations }) {
    const notes = new NotesService({ uow: core.uow, repository: new NotesRepository(core.dataSource), conversations });
    return {
      services: { notes },
      resolvers: [new NotesResolver(notes), new ConversationNotesResolver()],
      loaders: (options) => ({
        notesByConversationId: new DataLoader<string, ConversationNote[]>(
          async (ids) => {
            const found = await notes.forConversations(ids);
            return ids.map((id) => found.filter((note) => note.conversationId === id));
          },
          { cache: options.cache },
        ),
      }),
    };
  },
};
