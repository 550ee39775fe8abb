import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, ID } from 'type-graphql';
import type { RequestContext } from '../../app/context';
import { StaffOnly } from '../../shared/auth/access';
import { ApiScope } from '../../shared/auth/scopes';
import { fromGlobalId, toGlobalId } from '../../shared/graphql/global-id';
import { Booking } from '../bookings/booking.entity';
import { Conversation } from '../conversations/conversation.entity';
import { Message } from '../conversations/message.entity';
import { Customer, CustomerIdentity } from '../customers/customer.entity';
import { CustomerTopic, customerFromSnapshot, type CustomerUpdatedPayload } from '../customers/customers.events';
import { StaffUser } from '../staff/staff-user.entity';
import type { Actor, CustomerRecordsService } from './customer-records.service';
import { CustomerMergeEntry, CustomerPayload, CustomerUpdatedEvent, MergeCustomersInput, MergeCustomersPayload, UpdateCustomerInput, mergeEntry } from './customer-records.types';

function actorOf(context: RequestContext): Actor {
  const principal = context.principal;
  if (principal?.kind === 'staff') return { staffUserId: principal.staffUserId };
  if (principal?.kind === 'apiKey') return { apiKeyId: principal.apiKeyId };
  throw new Error('unreachable: @StaffOnly admits staff and API keys only');
}

/**
 * A customer as staff read it beside a thread or on its own page: every identity, thread and
 * booking, and the audit of records merged into it, each list read through the request's
 * loaders (one statement per list, whatever the number of customers on the page).
 */
@Resolver(() => Customer)
export class CustomerRecordsResolver {
  constructor(private readonly service: CustomerRecordsService) {}

  @Query(() => Customer, { nullable: true, description: 'A customer record; a merged one answers with mergedIntoId set.' })
  @StaffOnly(ApiScope.CUSTOMERS_READ)
  customer(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Customer | null> | null {
    // Through the loader: several customers asked in one request (aliases) are read together.
    const localId = fromGlobalId('Customer', id);
    return localId ? context.loaders.customerById.load(localId) : null;
  }

  @Mutation(() => CustomerPayload, { description: "Sets a customer's name; every console shows it at once (customerUpdated)." })
  @StaffOnly(ApiScope.CUSTOMERS_WRITE)
  async updateCustomer(@Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput): Promise<CustomerPayload> {
    return { customer: await this.service.rename(input), userErrors: [] };
  }

  @Mutation(() => MergeCustomersPayload, {
    description:
      'Merges two records of the same person in one transaction: identities, threads and bookings move to the surviving record, with an audit entry. Refused (userErrors) for one record twice, a record already merged, two Messenger or Instagram accounts, or two bookings waiting for their terms.',
  })
  @StaffOnly(ApiScope.CUSTOMERS_WRITE)
  async mergeCustomers(@Arg('input', () => MergeCustomersInput) input: MergeCustomersInput, @Ctx() context: RequestContext): Promise<MergeCustomersPayload> {
    const { customer, merge } = await this.service.merge({ ...input, actor: actorOf(context) });
    return { customer, merge: mergeEntry(merge), userErrors: [] };
  }

  @Subscription(() => CustomerUpdatedEvent, { topics: CustomerTopic.UPDATED, description: 'A customer whose name, phone or email became known, or into which another record was merged, after it committed.' })
  @StaffOnly(ApiScope.CUSTOMERS_READ)
  customerUpdated(@Root() payload: CustomerUpdatedPayload): CustomerUpdatedEvent {
    return {
      customer: customerFromSnapshot(payload.customer),
      conversationIds: payload.conversationIds.map((id) => toGlobalId('Conversation', id)),
      mergedCustomers: payload.mergedCustomers.map(customerFromSnapshot),
    };
  }

  @FieldResolver(() => [CustomerIdentity], { description: 'Every phone, email, Meta account and web chat visitor this customer is known by, oldest first.' })
  @StaffOnly(ApiScope.CUSTOMERS_READ)
  identities(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<CustomerIdentity[]> {
    return context.loaders.identitiesByCustomer.load(customer.id);
  }

  @FieldResolver(() => [Conversation], { description: 'Every thread of this customer on every channel, newest activity first.' })
  @StaffOnly()
  conversations(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Conversation[]> {
    return context.loaders.conversationsByCustomer.load(customer.id);
  }

  @FieldResolver(() => [Booking], { description: 'Every booking of this customer, soonest event first.' })
  @StaffOnly(ApiScope.BOOKINGS_READ)
  bookings(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Booking[]> {
    return context.loaders.bookingsByCustomer.load(customer.id);
  }

  @FieldResolver(() => [CustomerMergeEntry], { description: 'The records merged into this one, oldest first: who, when, what moved.' })
  @StaffOnly(ApiScope.CUSTOMERS_READ)
  async merges(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<CustomerMergeEntry[]> {
    return (await context.loaders.mergesByCustomer.load(customer.id)).map(mergeEntry);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer this record was merged into.' })
  mergedInto(@Root() customer: Customer, @Ctx() context: RequestContext): Promise<Customer | null> | null {
    return customer.mergedIntoId ? context.loaders.customerById.load(customer.mergedIntoId) : null;
  }
}

@Resolver(() => CustomerMergeEntry)
export class CustomerMergeEntryResolver {
  @FieldResolver(() => StaffUser, { nullable: true, description: 'The staff member who merged; null when an API key did.' })
  mergedBy(@Root() entry: CustomerMergeEntry, @Ctx() context: RequestContext): Promise<StaffUser | null> | null {
    return entry.staffUserId ? context.loaders.staffUserById.load(entry.staffUserId) : null;
  }
}

/** The preview thread lists show: a thread's latest message, read for a whole page in one statement. */
@Resolver(() => Conversation)
export class ConversationPreviewResolver {
  @FieldResolver(() => Message, { nullable: true, description: 'The latest message of the thread (the preview in lists).' })
  lastMessage(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<Message | null> {
    return context.loaders.lastMessageByConversation.load(conversation.id);
  }
}
