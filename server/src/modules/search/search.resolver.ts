import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { Conversation } from '../conversations/conversation.entity';
import type { SearchService } from './search.service';
import { MessageSearchHit, SearchArgs, SearchResults } from './search.types';

@Resolver(() => SearchResults)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchResults, { description: 'Full-text search across customers, threads and messages, and phone numbers; grouped.' })
  @StaffOnly()
  async search(@Args(() => SearchArgs) args: SearchArgs): Promise<SearchResults> {
    const found = await this.service.search(args.query, args.first);
    return Object.assign(new SearchResults(), {
      ...found,
      messages: found.messages.map(({ message, snippet }) => Object.assign(new MessageSearchHit(), { message, snippet })),
    });
  }
}

@Resolver(() => MessageSearchHit)
export class MessageSearchHitResolver {
  @FieldResolver(() => Conversation)
  async conversation(@Root() hit: MessageSearchHit & { message: { conversationId: string } }, @Ctx() context: RequestContext): Promise<Conversation> {
    const conversation = await context.loaders.conversationById.load(hit.message.conversationId);
    if (!conversation) throw new Error(`conversation ${hit.message.conversationId} of message ${hit.message.id} does not exist`);
    return conversation;
  }
}
