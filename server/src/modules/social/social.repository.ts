import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import type { InboundComment } from '../channels/inbound-events';
import { Lead, LeadStatus, SocialComment, type SocialSource } from './social-comment.entity';

/** Comments and leads: the only code that knows how they are stored. */
export class SocialRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Stores a comment once; returns its id, or null when it was stored before. */
  async insertComment(tx: Tx, comment: Omit<InboundComment, 'source'> & { source: SocialSource; sentiment: number; asksAboutBooking: boolean }): Promise<string | null> {
    const inserted: Array<{ id: string }> = await this.manager(tx).query(
      `INSERT INTO social_comment (source, provider_comment_id, post_id, author_id, author_name, text, sentiment, asks_about_booking, commented_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (source, provider_comment_id) DO NOTHING RETURNING id`,
      [comment.source, comment.commentId, comment.postId, comment.authorId, comment.authorName, comment.text, comment.sentiment, comment.asksAboutBooking, comment.at],
    );
    return inserted[0]?.id ?? null;
  }

  async insertLeadFor(tx: Tx, commentId: string, lead: Pick<Lead, 'source' | 'contactName' | 'contactHandle' | 'text'>): Promise<void> {
    const manager = this.manager(tx);
    const saved = await manager.save(manager.create(Lead, { ...lead, status: LeadStatus.NEW }));
    await manager.update(SocialComment, { id: commentId }, { leadId: saved.id });
  }

  comments(filter: { asksAboutBooking?: boolean }, args: ConnectionArgs): Promise<Connection<SocialComment>> {
    const query = this.manager().createQueryBuilder(SocialComment, 'comment');
    if (filter.asksAboutBooking !== undefined) query.andWhere('comment.asks_about_booking = :asks', { asks: filter.asksAboutBooking });
    return paginate({ query, alias: 'comment', sortKey: 'receivedAt', sortColumn: 'received_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  leads(args: ConnectionArgs): Promise<Connection<Lead>> {
    const query = this.manager().createQueryBuilder(Lead, 'lead');
    return paginate({ query, alias: 'lead', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }
}
