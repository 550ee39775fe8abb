import { In, Not, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { FigureWindow } from '../../shared/figure-window';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import { Escalation, EscalationStatus, RoutingDecision } from './escalation.entity';

export type NewEscalation = Pick<Escalation, 'conversationId' | 'reason' | 'handoff' | 'status' | 'assignedExtensionId' | 'assignedAt' | 'takenOverById'> &
  Partial<Pick<Escalation, 'customerSentiment' | 'announcedStaffId'>>;

/** Escalations, their routing log and the round-robin positions: the only code that knows how they are stored. */
export class EscalationsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** Escalations raised in [from, to). */
  async countRaisedBetween(range: { from: Date; to: Date }): Promise<number> {
    const [row] = (await this.manager().query(`SELECT count(*)::int AS n FROM escalation WHERE created_at >= $1 AND created_at < $2`, [range.from, range.to])) as Array<{ n: number }>;
    return row.n;
  }

  /** The thread's open escalation (at most one, by a unique index), row-locked when asked. */
  findOpenForConversation(tx: Tx | undefined, conversationId: string, options: { lock: boolean }): Promise<Escalation | null> {
    const query = this.manager(tx)
      .createQueryBuilder(Escalation, 'escalation')
      .where('escalation.conversation_id = :conversationId AND escalation.status <> :resolved', { conversationId, resolved: EscalationStatus.RESOLVED });
    if (options.lock) query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** The open escalation of each thread that has one, in one statement. */
  async findOpenForConversations(conversationIds: readonly string[]): Promise<Escalation[]> {
    if (conversationIds.length === 0) return [];
    return this.manager().findBy(Escalation, { conversationId: In([...conversationIds]), status: Not(EscalationStatus.RESOLVED) });
  }

  lockById(tx: Tx, id: string): Promise<Escalation | null> {
    return this.manager(tx).createQueryBuilder(Escalation, 'escalation').where('escalation.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async findByIds(ids: readonly string[]): Promise<Escalation[]> {
    return ids.length === 0 ? [] : this.manager().findBy(Escalation, { id: In([...ids]) });
  }

  insert(tx: Tx, fields: NewEscalation): Promise<Escalation> {
    const manager = this.manager(tx);
    return manager.save(
      manager.create(Escalation, {
        customerSentiment: null,
        announcedStaffId: null,
        ...fields,
        handedOverById: null,
        declinedExtensionIds: [],
        resolvedAt: null,
        resolution: null,
        version: 1,
      }),
    );
  }

  /** Writes an escalation the caller holds locked, counting the change. */
  async saveChange(tx: Tx, escalation: Escalation): Promise<void> {
    escalation.version += 1;
    escalation.updatedAt = new Date();
    const { status, resolution, assignedExtensionId, assignedAt, takenOverById, handedOverById, announcedStaffId, customerSentiment, declinedExtensionIds, resolvedAt, version, updatedAt } =
      escalation;
    await this.manager(tx).update(
      Escalation,
      { id: escalation.id },
      { status, resolution, assignedExtensionId, assignedAt, takenOverById, handedOverById, announcedStaffId, customerSentiment, declinedExtensionIds, resolvedAt, version, updatedAt },
    );
  }

  /** Keeps a lower sentiment without counting a change: nothing the consoles show moved. */
  async saveSentiment(tx: Tx, escalation: Escalation): Promise<void> {
    await this.manager(tx).update(Escalation, { id: escalation.id }, { customerSentiment: escalation.customerSentiment });
  }

  /** Waiting escalations, oldest first, locked; ones another instance is routing are skipped. */
  lockQueued(tx: Tx): Promise<Escalation[]> {
    return this.manager(tx)
      .createQueryBuilder(Escalation, 'escalation')
      .where('escalation.status = :status', { status: EscalationStatus.QUEUED })
      .orderBy('escalation.created_at', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Escalations alerted before `cutoff` that nobody took over, oldest first, locked; ones in use are skipped. */
  lockUnansweredSince(tx: Tx, cutoff: Date): Promise<Escalation[]> {
    return this.manager(tx)
      .createQueryBuilder(Escalation, 'escalation')
      .where('escalation.status = :status AND escalation.assigned_at < :cutoff', { status: EscalationStatus.ASSIGNED, cutoff })
      .orderBy('escalation.created_at', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  listOpen(args: ConnectionArgs): Promise<Connection<Escalation>> {
    const query = this.manager().createQueryBuilder(Escalation, 'escalation').where('escalation.status <> :resolved', { resolved: EscalationStatus.RESOLVED });
    return paginate({ query, alias: 'escalation', sortKey: 'createdAt', sortColumn: 'created_at', direction: 'ASC', args, maxPageSize: this.maxPageSize });
  }

  async recordDecision(tx: Tx, decision: { escalationId: string; extensionId: string | null; explanation: string }): Promise<RoutingDecision> {
    const manager = this.manager(tx);
    return manager.save(manager.create(RoutingDecision, decision));
  }

  /** The routing log of each escalation, oldest first, in one statement. */
  async routingLogs(escalationIds: readonly string[], tx?: Tx): Promise<RoutingDecision[]> {
    if (escalationIds.length === 0) return [];
    return this.manager(tx).find(RoutingDecision, { where: { escalationId: In([...escalationIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The last routing explanation of an escalation, to log a decision only when it says something new. */
  async lastDecision(tx: Tx, escalationId: string): Promise<RoutingDecision | null> {
    return this.manager(tx).findOne(RoutingDecision, { where: { escalationId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** Threads with an escalation opened in the window, each counted once (metrics). */
  async escalatedThreads(window: FigureWindow): Promise<number> {
    const [row] = (await this.manager().query(
      `SELECT count(DISTINCT conversation_id)::int AS threads FROM escalation WHERE created_at >= $1 AND created_at < $2`,
      [window.from, window.to],
    )) as Array<{ threads: number }>;
    return row.threads;
  }
}

/**
 * A round-robin rotation kept in PostgreSQL (`routing_rotation`), so it is shared by every
 * instance and survives restarts. `lock` serialises choosers of the same rotation until their
 * transaction ends; read the last number handed out, then advance it once the choice stands.
 * Chat escalations and inbound calls each have their own.
 */
export class RotationRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async lock(tx: Tx, name: string): Promise<void> {
    await this.manager(tx).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rotation:${name}`]);
  }

  async last(tx: Tx, name: string): Promise<number | null> {
    const rows: Array<{ last_number: number }> = await this.manager(tx).query('SELECT last_number FROM routing_rotation WHERE name = $1', [name]);
    return rows[0]?.last_number ?? null;
  }

  async advance(tx: Tx, name: string, lastNumber: number): Promise<void> {
    await this.manager(tx).query(
      `INSERT INTO routing_rotation (name, last_number) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET last_number = EXCLUDED.last_number`,
      [name, lastNumber],
    );
  }
}
