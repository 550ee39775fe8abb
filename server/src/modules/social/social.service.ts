import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import type { Intent, MessageAnalyzer } from '../assistant/assistant.port';
import type { InboundComment } from '../channels/inbound-events';
import { SocialSource, type Lead, type SocialComment } from './social-comment.entity';
import type { SocialRepository } from './social.repository';

/** Intents that mean "I'd like to book you" or "what would it cost": worth a follow-up. */
const BOOKING_INTENTS: ReadonlySet<Intent> = new Set(['NEW_BOOKING', 'PRICING']);

/**
 * Public comments on the business's page and Instagram posts: each stored once with the
 * assistant's sentiment reading; one that asks about booking becomes a lead for staff.
 */
export class SocialService {
  constructor(private readonly deps: { uow: UnitOfWork; repository: SocialRepository; analyzer: MessageAnalyzer; timeZone: string }) {}

  async recordComment(comment: InboundComment): Promise<void> {
    const analysis = await this.deps.analyzer.analyze(comment.text, { now: new Date(comment.at), timeZone: this.deps.timeZone });
    const asksAboutBooking = BOOKING_INTENTS.has(analysis.intent) || analysis.details.partySize !== undefined || analysis.details.eventDate !== undefined;
    const source = SocialSource[comment.source];
    await this.deps.uow.run(async (tx) => {
      const commentId = await this.deps.repository.insertComment(tx, { ...comment, source, sentiment: analysis.sentiment, asksAboutBooking });
      // Already stored (the event was applied before): no second lead.
      if (commentId === null || !asksAboutBooking) return;
      await this.deps.repository.insertLeadFor(tx, commentId, { source, contactName: comment.authorName, contactHandle: comment.authorId, text: comment.text });
    });
  }

  comments(filter: { asksAboutBooking?: boolean }, args: ConnectionArgs): Promise<Connection<SocialComment>> {
    return this.deps.repository.comments(filter, args);
  }

  leads(args: ConnectionArgs): Promise<Connection<Lead>> {
    return this.deps.repository.leads(args);
  }
}
