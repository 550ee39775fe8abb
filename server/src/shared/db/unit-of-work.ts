import type { DataSource, EntityManager } from 'typeorm';
import type { EventBus } from '../pubsub/event-bus';
import type { TopicName, TopicPayloads } from '../pubsub/topics';

type PendingEvent = { [K in TopicName]: { topic: K; payload: TopicPayloads[K]; scope?: string } }[TopicName];

/** Events and side effects recorded during a transaction; carried out only once it has committed. */
export class PendingEvents {
  readonly events: PendingEvent[] = [];
  readonly effects: Array<() => Promise<unknown>> = [];

  /** Work that must not happen for a rolled-back change (an SMS, a call to a provider). */
  afterCommit(effect: () => Promise<unknown>): void {
    this.effects.push(effect);
  }

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
  onEffectError?: (error: unknown) => void,
): Promise<T> {
  const events = new PendingEvents();
  const result = await dataSource.transaction((manager) => work(manager, events));
  for (const event of events.events) await eventBus.publish(event.topic, event.payload, event.scope);
  for (const effect of events.effects) await effect().catch((error: unknown) => onEffectError?.(error));
  return result;
}
