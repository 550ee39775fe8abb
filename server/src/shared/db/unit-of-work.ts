import type { DataSource, EntityManager } from 'typeorm';
import type { EventBus } from '../pubsub/event-bus';
import type { TopicName, TopicPayloads } from '../pubsub/topics';

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
 * Runs `work` in one transaction and publishes the events it recorded after COMMIT, never
 * before: a subscriber must not hear about a change that may still roll back.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  eventBus: EventBus,
  work: (manager: EntityManager, events: PendingEvents) => Promise<T>,
): Promise<T> {
  const events = new PendingEvents();
  const result = await dataSource.transaction((manager) => work(manager, events));
  for (const event of events.events) await eventBus.publish(event.topic, event.payload, event.scope);
  return result;
}
