import { Arg, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AdminOnly, StaffOnly } from '../../shared/auth/access';
import { CannedReply } from './canned-reply.entity';
import type { CannedRepliesService } from './canned-replies.service';
import { CannedReplyInput, CannedReplyPayload, CannedReplyPlaceholder, DeleteCannedReplyPayload, FilledCannedReply } from './canned-replies.types';
import { PLACEHOLDERS } from './placeholders';

@Resolver(() => CannedReply)
export class CannedRepliesResolver {
  constructor(private readonly service: CannedRepliesService) {}

  @Query(() => [CannedReply], { description: 'Every canned reply, by shortcut.' })
  @StaffOnly()
  cannedReplies(): Promise<CannedReply[]> {
    return this.service.list();
  }

  @Query(() => [CannedReplyPlaceholder], { description: 'The placeholders a canned reply may hold.' })
  @StaffOnly()
  cannedReplyPlaceholders(): CannedReplyPlaceholder[] {
    return Object.entries(PLACEHOLDERS).map(([name, description]) => ({ token: `{${name}}`, description }));
  }

  @Query(() => FilledCannedReply, { description: 'A canned reply with its placeholders filled from the thread’s customer and booking.' })
  @StaffOnly()
  async fillCannedReply(@Arg('cannedReplyId', () => ID) cannedReplyId: string, @Arg('conversationId', () => ID) conversationId: string): Promise<FilledCannedReply> {
    const filled = await this.service.fill({ cannedReplyId, conversationId });
    return { text: filled.text, unfilled: filled.unfilled.map((name) => `{${name}}`) };
  }

  @Mutation(() => CannedReplyPayload)
  @AdminOnly()
  async createCannedReply(@Arg('input', () => CannedReplyInput) input: CannedReplyInput): Promise<CannedReplyPayload> {
    return { cannedReply: await this.service.create(input), userErrors: [] };
  }

  @Mutation(() => CannedReplyPayload)
  @AdminOnly()
  async updateCannedReply(@Arg('id', () => ID) id: string, @Arg('input', () => CannedReplyInput) input: CannedReplyInput): Promise<CannedReplyPayload> {
    return { cannedReply: await this.service.update(id, input), userErrors: [] };
  }

  @Mutation(() => DeleteCannedReplyPayload)
  @AdminOnly()
  async deleteCannedReply(@Arg('id', () => ID) id: string): Promise<DeleteCannedReplyPayload> {
    return { deletedCannedReplyId: await this.service.delete(id), userErrors: [] };
  }
}
