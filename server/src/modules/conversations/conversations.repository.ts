import { In, MoreThanOrEqual, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import { decodeCursor, encodeCursor, pageSize, paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { Channel } from './channel';
import { Conversation, ConversationStage } from './conversation.entity';
import { Message, MessageAuthor, MessageDirection, type MessageVia } from './message.entity';

export interface ConversationFilter {
  /** ESCALATED means "has an open escalation"; any other stage, the assistant's stage of a thread without one. */
  stage?: ConversationStage;
  channel?: Channel;
  escalated?: boolean;
  /** Threads whose open escalation is assigned to this extension (a database id). */
  assignedExtensionId?: string;
}

export type NewConversation = Pick<Conversation, 'customerId' | 'channel' | 'channelAddress'>;
export type NewMessage = Pick<Message, 'conversationId' | 'channel' | 'direction' | 'author' | 'text' | 'providerMessageId' | 'deliveryStatus' | 'staffUserId'> & { via?: MessageVia | null; senderName?: string | null };

/** A thread "has an open escalation": the one place this condition is written in SQL for reads. */
const OPEN_ESCALATION_EXISTS = `EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = conversation.id AND e.status <> 'RESOLVED')`;

/** Threads and their messages: the only code that knows how they are stored. */
export class ConversationsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Conversations begun in [from, to). */
  async countStartedBetween(range: { from: Date; to: Date }): Promise<number> {
    const [row] = (await this.manager().query(`SELECT count(*)::int AS n FROM conversation WHERE created_at >= $1 AND created_at < $2`, [range.from, range.to])) as Array<{ n: number }>;
    return row.n;
  }

  /**
   * The newest thread at this channel address, row-locked until the transaction ends. When
   * there is none yet, a transaction-scoped advisory lock on the address is taken and the
   * look-up repeated, so the first messages of a brand-new thread are serialised too (the
   * second waits for the first to commit, then finds its thread).
   */
  async lockByAddress(tx: Tx, channel: Channel, address: string): Promise<Conversation | null> {
    const manager = this.manager(tx);
    const find = () =>
      manager
        .createQueryBuilder(Conversation, 'conversation')
        .where('conversation.channel = :channel AND conversation.channel_address = :address', { channel, address })
        .orderBy('conversation.created_at', 'DESC')
        .setLock('pessimistic_write')
        .getOne();
    const existing = await find();
    if (existing) return existing;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`conversation:${channel}:${address}`]);
    return find();
  }

  /**
   * Whether the thread at this address is with staff (it has an open escalation), read
   * without locks: the inbound path's look before it lets the assistant think.
   */
  async isWithStaffAt(channel: Channel, address: string): Promise<boolean> {
    const rows: Array<{ with_staff: boolean }> = await this.manager().query(
      `SELECT EXISTS (
         SELECT 1 FROM conversation c JOIN escalation e ON e.conversation_id = c.id AND e.status <> 'RESOLVED'
         WHERE c.channel = $1 AND c.channel_address = $2
       ) AS with_staff`,
      [channel, address],
    );
    return rows[0]?.with_staff ?? false;
  }

  lockById(tx: Tx, id: string): Promise<Conversation | null> {
    return this.manager(tx).createQueryBuilder(Conversation, 'conversation').where('conversation.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findById(id: string, tx?: Tx): Promise<Conversation | null> {
    return this.manager(tx).findOneBy(Conversation, { id });
  }

  async findByIds(ids: readonly string[]): Promise<Conversation[]> {
    return ids.length === 0 ? [] : this.manager().findBy(Conversation, { id: In([...ids]) });
  }

  insert(tx: Tx, fields: NewConversation): Promise<Conversation> {
    const manager = this.manager(tx);
    return manager.save(
      manager.create(Conversation, { ...fields, stage: ConversationStage.GREETING, bookingDraft: {}, failedAttempts: 0, bookingId: null, lastMessageAt: new Date() }),
    );
  }

  /** Writes a thread's changes; the caller holds it locked (lockByAddress/lockById), so no other writer's change is overwritten. */
  async update(tx: Tx, conversation: Conversation): Promise<void> {
    const { stage, bookingDraft, failedAttempts, customerId, bookingId, lastMessageAt, language, pendingChange } = conversation;
    await this.manager(tx).update(Conversation, { id: conversation.id }, { stage, bookingDraft, failedAttempts, customerId, bookingId, lastMessageAt, language, pendingChange });
  }

  /** Points every thread of one customer at another (the same person); answers the ids of the threads moved. */
  async moveToCustomer(tx: Tx, fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    const [rows]: [Array<{ id: string }>, number] = await this.manager(tx).query(`UPDATE conversation SET customer_id = $2, updated_at = now() WHERE customer_id = $1 RETURNING id`, [fromCustomerId, toCustomerId]);
    return rows.map((row) => row.id);
  }

  /** Row-locks every thread of these customers, in id order: a merge takes them before the customers, as the inbound path does. */
  async lockByCustomers(tx: Tx, customerIds: readonly string[]): Promise<void> {
    await this.manager(tx).query(`SELECT id FROM conversation WHERE customer_id = ANY($1) ORDER BY id FOR UPDATE`, [[...customerIds]]);
  }

  /** Every thread of these customers, newest activity first. */
  findByCustomers(customerIds: readonly string[]): Promise<Conversation[]> {
    return customerIds.length === 0 ? Promise.resolve([]) : this.manager().find(Conversation, { where: { customerId: In([...customerIds]) }, order: { lastMessageAt: 'DESC', id: 'DESC' } });
  }

  /** The latest message of each of these threads, in one statement (the preview lists show). */
  latestOfThreads(conversationIds: readonly string[]): Promise<Message[]> {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return this.manager()
      .createQueryBuilder(Message, 'message')
      .distinctOn(['message.conversation_id'])
      .where('message.conversation_id IN (:...ids)', { ids: [...conversationIds] })
      .orderBy('message.conversation_id')
      .addOrderBy('message.created_at', 'DESC')
      .addOrderBy('message.id', 'DESC')
      .getMany();
  }

  /** Threads on Meta's channels (a page-scoped account each) of these customers: what a merge must not join. */
  async metaAccountsOf(tx: Tx, customerIds: readonly string[]): Promise<Array<{ customerId: string; channel: Channel; address: string }>> {
    const rows: Array<{ customer_id: string; channel: Channel; channel_address: string }> = await this.manager(tx).query(
      `SELECT DISTINCT customer_id, channel, channel_address FROM conversation WHERE customer_id = ANY($1) AND channel IN ('MESSENGER', 'INSTAGRAM')`,
      [[...customerIds]],
    );
    return rows.map((row) => ({ customerId: row.customer_id, channel: row.channel, address: row.channel_address }));
  }

  list(filter: ConversationFilter, args: ConnectionArgs): Promise<Connection<Conversation>> {
    const query = this.manager().createQueryBuilder(Conversation, 'conversation');
    if (filter.stage === ConversationStage.ESCALATED) query.andWhere(OPEN_ESCALATION_EXISTS);
    else if (filter.stage) query.andWhere(`conversation.stage = :stage AND NOT ${OPEN_ESCALATION_EXISTS}`, { stage: filter.stage });
    if (filter.channel) query.andWhere('conversation.channel = :channel', { channel: filter.channel });
    if (filter.escalated !== undefined) query.andWhere(filter.escalated ? OPEN_ESCALATION_EXISTS : `NOT ${OPEN_ESCALATION_EXISTS}`);
    if (filter.assignedExtensionId !== undefined) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM escalation e WHERE e.conversation_id = conversation.id AND e.status <> 'RESOLVED' AND e.assigned_extension_id = :extensionId)`,
        { extensionId: filter.assignedExtensionId },
      );
    }
    return paginate({ query, alias: 'conversation', sortKey: 'lastMessageAt', sortColumn: 'last_message_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }

  async insertMessage(tx: Tx, fields: NewMessage): Promise<Message> {
    const manager = this.manager(tx);
    return manager.save(manager.create(Message, fields));
  }

  /**
   * Stores a provider's message once: a second delivery of the same one (the unique indexes on
   * inbound provider ids and on replies written outside the console) stores nothing and
   * returns null.
   */
  async insertOnce(tx: Tx, fields: NewMessage): Promise<Message | null> {
    const manager = this.manager(tx);
    const values = { ...fields, via: fields.via ?? null };
    const inserted = await manager.createQueryBuilder().insert().into(Message).values(values).orIgnore().returning(['id', 'created_at']).execute();
    const row = inserted.raw[0] as { id: string; created_at: Date } | undefined;
    return row ? manager.create(Message, { ...values, id: row.id, createdAt: row.created_at }) : null;
  }

  findInboundMessage(tx: Tx, channel: Channel, providerMessageId: string): Promise<Message | null> {
    return this.manager(tx).findOneBy(Message, { channel, providerMessageId, direction: MessageDirection.INBOUND });
  }

  async lastCustomerText(tx: Tx, conversationId: string): Promise<string | null> {
    const last = await this.manager(tx).findOne(Message, { where: { conversationId, author: MessageAuthor.CUSTOMER }, order: { createdAt: 'DESC' } });
    return last?.text ?? null;
  }

  /**
   * One page of messages (oldest first) for each of several threads, in two statements
   * whatever their number: the rows by a window over each thread, and the counts grouped.
   * Every request in one call shares its page arguments (the loader groups them so).
   */
  /** Whether staff wrote in the thread at or after `since`. */
  staffRepliedSince(tx: Tx, conversationId: string, since: Date): Promise<boolean> {
    return this.manager(tx).exists(Message, { where: { conversationId, author: MessageAuthor.STAFF, createdAt: MoreThanOrEqual(since) } });
  }

  /** A thread's latest `limit` messages, oldest first. */
  async latestMessages(conversationId: string, limit: number): Promise<Message[]> {
    const newestFirst = await this.manager().find(Message, { where: { conversationId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
    return newestFirst.reverse();
  }

  async messagePages(conversationIds: readonly string[], args: ConnectionArgs & { afterMessageId?: string }): Promise<Map<string, Connection<Message>>> {
    const first = pageSize(args.first, this.maxPageSize);
    const after = args.after ? decodeCursor(args.after) : null;
    // After a message named by id (a live view's last one): a message that is not in the thread matches nothing.
    const afterMessage = args.afterMessageId
      ? 'AND (m.created_at, m.id) > (SELECT held.created_at, held.id FROM message held WHERE held.id = :afterMessageId AND held.conversation_id = m.conversation_id)'
      : '';
    const ids = [...conversationIds];
    const pages = new Map<string, Connection<Message>>(ids.map((id) => [id, { edges: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } }]));
    if (ids.length === 0) return pages;
    const manager = this.manager();
    const [rows, counts] = await Promise.all([
      manager
        .createQueryBuilder(Message, 'message')
        .where(
          `message.id IN (
             SELECT ranked.id FROM (
               SELECT m.id, ROW_NUMBER() OVER (PARTITION BY m.conversation_id ORDER BY m.created_at, m.id) AS position
               FROM message m
               WHERE m.conversation_id IN (:...ids) ${after ? 'AND (m.created_at, m.id) > (:afterValue, :afterId)' : ''} ${afterMessage}
             ) ranked
             WHERE ranked.position <= :limit)`,
          { ids, limit: first + 1, afterValue: after?.[0], afterId: after?.[1], afterMessageId: args.afterMessageId },
        )
        .orderBy('message.created_at', 'ASC')
        .addOrderBy('message.id', 'ASC')
        .getMany(),
      manager
        .createQueryBuilder(Message, 'message')
        .select('message.conversation_id', 'conversationId')
        .addSelect('count(*)::int', 'count')
        .where('message.conversation_id IN (:...ids)', { ids })
        .groupBy('message.conversation_id')
        .getRawMany<{ conversationId: string; count: number }>(),
    ]);
    for (const { conversationId, count } of counts) pages.get(conversationId)!.totalCount = count;
    const byConversation = new Map<string, Message[]>();
    for (const message of rows) byConversation.set(message.conversationId, [...(byConversation.get(message.conversationId) ?? []), message]);
    for (const [conversationId, messages] of byConversation) {
      const nodes = messages.slice(0, first);
      const edges = nodes.map((node) => ({ cursor: encodeCursor([node.createdAt.toISOString(), node.id]), node }));
      pages.set(conversationId, { edges, totalCount: pages.get(conversationId)!.totalCount, pageInfo: { hasNextPage: messages.length > first, endCursor: edges.at(-1)?.cursor ?? null } });
    }
    return pages;
  }

  // --- the owner's figures (metrics) ------------------------------------------------------------

  /**
   * Threads with a customer message in the window; of those, the ones the assistant answered in
   * the window, and of those the ones the assistant brought to a booking (the thread has its
   * booking). Read from thread_activity (each thread's messages counted per quarter hour by
   * a trigger as they are written: see the 1795800000030 migration), so a 90-day range groups
   * about one row per thread rather than every message.
   */
  async threadFigures(window: FigureWindow): Promise<{ threads: number; aiAnswered: number; aiBooked: number }> {
    const [row] = (await this.manager().query(
      `SELECT count(*)::int AS threads,
              count(*) FILTER (WHERE t.ai)::int AS "aiAnswered",
              count(*) FILTER (WHERE t.ai AND c.booking_id IS NOT NULL)::int AS "aiBooked"
       FROM (
         SELECT conversation_id, sum(ai_messages) > 0 AS ai
         FROM thread_activity
         WHERE quarter >= $1 AND quarter < $2
         GROUP BY conversation_id
         HAVING sum(customer_messages) > 0
       ) t
       JOIN conversation c ON c.id = t.conversation_id`,
      [window.from, window.to],
    )) as Array<{ threads: number; aiAnswered: number; aiBooked: number }>;
    return row;
  }

  /**
   * Response times in the window, by who answered (AI or STAFF): each answer that directly
   * follows a customer message in its thread (system messages such as reminders are left out of
   * the sequence), timed from that customer message when it was written (message.reply_seconds,
   * see the 1795800000030 migration). Median and 90th percentile in seconds.
   */
  responseTimes(window: FigureWindow): Promise<Array<{ author: 'AI' | 'STAFF'; replies: number; medianSeconds: number; p90Seconds: number }>> {
    return this.manager().query(
      `SELECT author, count(*)::int AS replies,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_seconds)::float8 AS "medianSeconds",
              percentile_cont(0.9) WITHIN GROUP (ORDER BY reply_seconds)::float8 AS "p90Seconds"
       FROM message
       WHERE reply_seconds IS NOT NULL AND created_at >= $1 AND created_at < $2
       GROUP BY author ORDER BY author`,
      [window.from, window.to],
    );
  }
}
