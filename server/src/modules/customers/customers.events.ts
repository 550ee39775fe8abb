import { Customer } from './customer.entity';

/** A customer as every console shows it. Primitives and ISO strings only, so it crosses Redis unchanged. */
export interface CustomerSnapshot {
  id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  mergedIntoId: string | null;
  mergedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * A customer record changed: a name, phone or email became known (from the assistant or staff),
 * or another record was merged into it. `conversationIds` are threads that now belong to it
 * having belonged to another record, so every view of them shows this customer.
 */
export interface CustomerUpdatedPayload {
  customer: CustomerSnapshot;
  conversationIds: string[];
  /** Records that are this customer now (merged into it). */
  mergedCustomers: CustomerSnapshot[];
}

export const CustomerTopic = {
  UPDATED: 'CUSTOMER_UPDATED',
} as const;

declare module '../../shared/pubsub/topics' {
  interface TopicPayloads {
    CUSTOMER_UPDATED: CustomerUpdatedPayload;
  }
}

const iso = (date: Date | null): string | null => (date ? new Date(date).toISOString() : null);

export function customerSnapshot(customer: Customer): CustomerSnapshot {
  return {
    id: customer.id,
    name: customer.name,
    phone: customer.phone,
    email: customer.email,
    mergedIntoId: customer.mergedIntoId ?? null,
    mergedAt: iso(customer.mergedAt ?? null),
    createdAt: iso(customer.createdAt)!,
    updatedAt: iso(customer.updatedAt)!,
  };
}

export function customerFromSnapshot(snapshot: CustomerSnapshot): Customer {
  return Object.assign(new Customer(), {
    ...snapshot,
    mergedAt: snapshot.mergedAt ? new Date(snapshot.mergedAt) : null,
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
  });
}
