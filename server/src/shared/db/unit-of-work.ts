import type { DataSource, EntityManager } from 'typeorm';
import type { EventBus } from '../pubsub/event-bus';
import type { TopicName, TopicPayloads } from '../pubsub/topics';

declare const TRANSACTION: unique symbol;

/**
 * An open transaction as a service sees it: something to hand to repositories and to the job
 * queue, never to look into. Only repositories (and shared/jobs) turn it back into TypeORM's
 * EntityManager, with `entityManagerOf`.
 */
export type Tx = { readonly [TRANSACTION]: true };

export function entityManagerOf(tx: Tx): EntityManager {
  return tx as unknown as EntityManager;
}

type PendingEvent = { [K in TopicName]: { topic: K; payload: TopicPayloads[K]; scope?: string } }[TopicName];

/**
 * Events recorded during a transaction; published only once it has committed. (Sends to
 * providers are not effects here: they are queued in the same transaction, see OutboundDelivery.)
 */
export class PendingEvents {
  readonly events: PendingEvent[] = [];

  add<K extends TopicName>(topic: K, payload: TopicPayloads[K], scope?: string): void {
    this.events.push({ topic, payload, scope } as PendingEvent);
  }
}

/**
 * The one way services write: `run` opens a transaction, hands its work a Tx and a list of
 * events, and publishes those events after COMMIT, never before, so a subscriber never hears
 * of a change that may still roll back. Work that throws rolls everything back.
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventBus: EventBus,
  ) {}

  async run<T>(work: (tx: Tx, events: PendingEvents) => Promise<T>): Promise<T> {
    const events = new PendingEvents();
    const result = await this.dataSource.transaction((manager) => work(manager as unknown as Tx, events));
    await this.publish(events);
    return result;
  }

  /**
   * All of a unit's events are handed to the bus in one go, in order: over Redis they leave in
   * one write (the publisher pipelines what is sent in the same tick) and arrive in that order.
   */
  async publish(events: PendingEvents): Promise<void> {
    await Promise.all(events.events.map((event) => this.eventBus.publish(event.topic, event.payload, event.scope)));
  }
}

/**
 * The base of every repository: reads and writes go through the caller's transaction when it
 * passes one, else straight to the pool (a read that needs no lock).
 */
export abstract class RepositoryBase {
  constructor(protected readonly dataSource: DataSource) {}

  protected manager(tx?: Tx): EntityManager {
    return tx ? entityManagerOf(tx) : this.dataSource.manager;
  }
}
