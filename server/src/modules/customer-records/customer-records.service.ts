import type { UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { UserInputFailure, userFailure } from '../../shared/graphql/user-errors';
import type { BookingsService } from '../bookings/bookings.service';
import { Channel } from '../conversations/channel';
import type { ConversationsService } from '../conversations/conversations.service';
import type { Customer, CustomerMerge } from '../customers/customer.entity';
import { CustomerTopic, customerSnapshot } from '../customers/customers.events';
import type { CustomersRepository } from '../customers/customers.repository';

/** Who asked for a change: the audit names them. */
export type Actor = { staffUserId: string } | { apiKeyId: string };

const CHANNEL_WORDS: Partial<Record<Channel, string>> = { [Channel.MESSENGER]: 'Messenger', [Channel.INSTAGRAM]: 'Instagram' };

/**
 * A customer record's life beyond what the inbound path learns: staff correcting a name, and
 * merging two records of the same person. A merge is one transaction in the inbound path's lock order (the
 * two records' threads, then both customers by id, then the merged record's bookings), publishes after commit, and leaves an
 * audit entry; the merged record remains, pointing at the survivor, because terms evidence
 * (append-only, hashed) names it.
 */
export class CustomerRecordsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      customers: CustomersRepository;
      conversations: ConversationsService;
      bookings: BookingsService;
    },
  ) {}

  /** Staff set the customer's name (heard on the phone, read in a message): every console shows it at once. */
  async rename(params: { customerId: string; name: string }): Promise<Customer> {
    const name = params.name.trim().replace(/\s+/g, ' ');
    const id = fromGlobalId('Customer', params.customerId);
    const errors: Array<{ field: string; message: string; code: string }> = [];
    if (!id) errors.push({ field: 'customerId', code: 'NOT_FOUND', message: 'This customer no longer exists. Open the customer again from search.' });
    if (name === '') errors.push({ field: 'name', code: 'REQUIRED', message: "Name: enter the customer's name, for example Dana Reyes." });
    if (errors.length > 0) throw new UserInputFailure(errors);
    return this.deps.uow.run(async (tx, events) => {
      const customer = await this.deps.customers.lockById(tx, id!);
      if (!customer) throw userFailure('NOT_FOUND', 'This customer no longer exists. Open the customer again from search.', 'customerId');
      if (customer.mergedIntoId) throw userFailure('ALREADY_MERGED', 'This record was merged into another customer: change the name there.', 'customerId');
      customer.name = name;
      const saved = await this.deps.customers.saveDetails(tx, customer);
      events.add(CustomerTopic.UPDATED, { customer: customerSnapshot(saved), conversationIds: [], mergedCustomers: [] });
      return saved;
    });
  }

  /**
   * Merges one record into another: identities, threads and bookings move to the survivor, which
   * takes the merged record's name, phone and email where it has none. Refused, with nothing
   * written, when the two are one record, either was merged already, both hold their own
   * account on Messenger or Instagram (one person has one there, so these are two people), or
   * both have a booking waiting for its terms.
   */
  async merge(params: { survivingCustomerId: string; mergedCustomerId: string; actor: Actor }): Promise<{ customer: Customer; merge: CustomerMerge }> {
    const survivingId = fromGlobalId('Customer', params.survivingCustomerId);
    const mergedId = fromGlobalId('Customer', params.mergedCustomerId);
    const notFound = (field: string) => ({ field, code: 'NOT_FOUND', message: 'No customer has this id. Pick the customer again from search.' });
    const errors = [...(survivingId ? [] : [notFound('survivingCustomerId')]), ...(mergedId ? [] : [notFound('mergedCustomerId')])];
    if (errors.length > 0) throw new UserInputFailure(errors);
    if (survivingId === mergedId) throw userFailure('SAME_CUSTOMER', 'These are the same customer record. Pick the other record of this person to merge into it.', 'mergedCustomerId');

    return this.deps.uow.run(async (tx, events) => {
      await this.deps.conversations.lockThreadsOf(tx, [survivingId!, mergedId!]);
      const locked = await this.deps.customers.lockPair(tx, [survivingId!, mergedId!]);
      const surviving = locked.find((c) => c.id === survivingId);
      const merged = locked.find((c) => c.id === mergedId);
      const missing = [...(surviving ? [] : [notFound('survivingCustomerId')]), ...(merged ? [] : [notFound('mergedCustomerId')])];
      if (missing.length > 0) throw new UserInputFailure(missing);
      const refusals: Array<{ field: string; code: string; message: string }> = [];
      for (const [customer, field] of [
        [surviving!, 'survivingCustomerId'],
        [merged!, 'mergedCustomerId'],
      ] as const) {
        if (customer.mergedIntoId) {
          refusals.push({ field, code: 'ALREADY_MERGED', message: `${label(customer)} was already merged into another customer. Open that customer and merge with it instead.` });
        }
      }
      const accounts = await this.deps.conversations.metaAccountsOf(tx, [survivingId!, mergedId!]);
      for (const channel of [Channel.MESSENGER, Channel.INSTAGRAM]) {
        const of = (customerId: string) => new Set(accounts.filter((a) => a.channel === channel && a.customerId === customerId).map((a) => a.address));
        const [kept, gone] = [of(survivingId!), of(mergedId!)];
        if (kept.size > 0 && gone.size > 0 && ![...gone].some((address) => kept.has(address))) {
          refusals.push({
            field: 'mergedCustomerId',
            code: 'CONFLICTING_IDENTITIES',
            message: `Both customers write from their own ${CHANNEL_WORDS[channel]} account, and one person has one account there: these are two different people, so they cannot be merged.`,
          });
        }
      }
      if (refusals.length > 0) throw new UserInputFailure(refusals);

      const before = { name: merged!.name, phone: merged!.phone, email: merged!.email };
      const identities = await this.deps.customers.moveIdentities(tx, mergedId!, survivingId!);
      const conversationIds = await this.deps.conversations.moveToCustomer(tx, mergedId!, survivingId!);
      const bookingIds = await this.deps.bookings.moveToCustomer(tx, events, mergedId!, survivingId!);
      const filledFields = (['name', 'phone', 'email'] as const).filter((field) => !surviving![field] && merged![field]);
      for (const field of filledFields) surviving![field] = merged![field];
      const customer = filledFields.length > 0 ? await this.deps.customers.saveDetails(tx, surviving!) : surviving!;
      await this.deps.customers.markMerged(tx, mergedId!, survivingId!);
      const merge = await this.deps.customers.insertMerge(tx, {
        survivingCustomerId: survivingId!,
        mergedCustomerId: mergedId!,
        staffUserId: 'staffUserId' in params.actor ? params.actor.staffUserId : null,
        apiKeyId: 'apiKeyId' in params.actor ? params.actor.apiKeyId : null,
        mergedCustomer: before,
        moved: { identities, conversationIds, bookingIds, filledFields },
      });
      const mergedNow = (await this.deps.customers.findById(mergedId!, tx))!;
      events.add(CustomerTopic.UPDATED, { customer: customerSnapshot(customer), conversationIds, mergedCustomers: [customerSnapshot(mergedNow)] });
      return { customer, merge };
    });
  }
}

function label(customer: Customer): string {
  return customer.name ?? customer.phone ?? customer.email ?? 'This customer';
}
