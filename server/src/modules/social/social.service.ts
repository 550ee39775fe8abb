import type { DataSource } from 'typeorm';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import type { Intent, MessageAnalyzer } from '../assistant/assistant.port';
import type { InboundComment } from '../channels/inbound-events';
import { Lead, LeadStatus, SocialComment, SocialSource } from './social-comment.entity';

/** Intents that mean "I'd like to book you" or "what would it cost": worth a follow-up. */
const BOOKING_INTENTS: ReadonlySet<Intent> = new Set(['NEW_BOOKING', 'PRICING']);

/**
 * Public comments on the business's page and Instagram posts: each stored once with the
 * assistant's sentiment reading; one that asks about booking becomes a lead for staff.
 */
export class SocialService {
  constructor(private readonly deps: { dataSource: DataSource; analyzer: MessageAnalyzer; timeZone: string; maxPageSize: number }) {}

  async recordComment(comment: InboundComment): Promise<void> {
    const analysis = await this.deps.analyzer.analyze(comment.text, { now: new Date(comment.at), timeZone: this.deps.timeZone });
    const asksAboutBooking = BOOKING_INTENTS.has(analysis.intent) || analysis.details.partySize !== undefined || analysis.details.eventDate !== undefined;
    const source = SocialSource[comment.source];
    await this.deps.dataSource.transaction(async (manager) => {
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO social_comment (source, provider_comment_id, post_id, author_id, author_name, text, sentiment, asks_about_booking, commented_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (source, provider_comment_id) DO NOTHING RETURNING id`,
        [source, comment.commentId, comment.postId, comment.authorId, comment.authorName, comment.text, analysis.sentiment, asksAboutBooking, comment.at],
      );
      // Already stored (the event was applied before): no second lead.
      if (inserted.length === 0 || !asksAboutBooking) return;
      const lead = await manager.save(
        manager.create(Lead, { source, contactName: comment.authorName, contactHandle: comment.authorId, text: comment.text, status: LeadStatus.NEW }),
      );
      await manager.update(SocialComment, { id: inserted[0].id }, { leadId: lead.id });
    });
  }

  comments(filter: { asksAboutBooking?: boolean }, args: ConnectionArgs): Promise<Connection<SocialComment>> {
    const query = this.deps.dataSource.getRepository(SocialComment).createQueryBuilder('comment');
    if (filter.asksAboutBooking !== undefined) query.andWhere('comment.asks_about_booking = :asks', { asks: filter.asksAboutBooking });
    return paginate({ query, alias: 'comment', sortKey: 'receivedAt', sortColumn: 'received_at', direction: 'DESC', args, maxPageSize: this.deps.maxPageSize });
  }

  leads(args: ConnectionArgs): Promise<Connection<Lead>> {
    const query = this.deps.dataSource.getRepository(Lead).createQueryBuilder('lead');
    return paginate({ query, alias: 'lead', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.deps.maxPageSize });
  }
}
