import { In, type DataSource } from 'typeorm';
import { flatColumns, readFlatSql } from '../../shared/db/plain-rows';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Customer, CustomerIdentity, CustomerMerge, IdentityKind, type MergeMoved } from './customer.entity';

/**
 * One customer identity across channels: a phone, email or channel id already known links
 * to the existing customer. The only code that knows how identities are stored.
 */
export class CustomersRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async findByIds(ids: readonly string[]): Promise<Customer[]> {
    // Read flat: every page of threads or bookings asks for its customers.
    if (ids.length === 0) return [];
    return readFlatSql(this.manager(), Customer, `SELECT ${flatColumns(this.dataSource, Customer)} FROM customer WHERE id = ANY($1)`, [ids]);
  }

  findById(id: string, tx?: Tx): Promise<Customer | null> {
    return this.manager(tx).findOneBy(Customer, { id });
  }

  /** The customer a phone belongs to, or null: never creates one. */
  async findByPhone(phone: string, tx?: Tx): Promise<Customer | null> {
    const manager = this.manager(tx);
    const identity = await manager.findOneBy(CustomerIdentity, { kind: IdentityKind.PHONE, value: normaliseIdentity(IdentityKind.PHONE, phone) });
    return identity ? manager.findOneBy(Customer, { id: identity.customerId }) : null;
  }

  /** The customer behind a handle, creating both when the handle is new. */
  async findOrCreateByIdentity(tx: Tx, kind: IdentityKind, value: string): Promise<Customer> {
    const manager = this.manager(tx);
    const normalised = normaliseIdentity(kind, value);
    const existing = await manager.findOneBy(CustomerIdentity, { kind, value: normalised });
    if (existing) return manager.findOneByOrFail(Customer, { id: existing.customerId });
    const customer = await manager.save(manager.create(Customer, { name: null, phone: kind === IdentityKind.PHONE ? normalised : null, email: kind === IdentityKind.EMAIL ? normalised : null }));
    await manager.insert(CustomerIdentity, { kind, value: normalised, customerId: customer.id });
    return customer;
  }

  /**
   * Records details a customer gave (name, phone, email). A phone or email that already
   * belongs to another customer means this is that customer writing from a new channel: the
   * identities are linked to the known customer, this record is marked merged into it (listed in
   * `mergedAway`, with the identities that moved, for the audit), and the known customer is
   * returned. `changed` says whether what consoles show of the customer changed (a name, phone
   * or email became known, or the thread now belongs to another record).
   */
  async learn(
    tx: Tx,
    customerId: string,
    details: { name?: string; phone?: string; email?: string },
  ): Promise<{ customer: Customer; changed: boolean; mergedAway: Array<{ record: Customer; identities: Array<{ kind: IdentityKind; value: string }> }> }> {
    const manager = this.manager(tx);
    let currentId = customerId;
    let changed = false;
    const mergedAway: Array<{ record: Customer; identities: Array<{ kind: IdentityKind; value: string }> }> = [];
    for (const [kind, value] of [
      [IdentityKind.PHONE, details.phone],
      [IdentityKind.EMAIL, details.email],
    ] as const) {
      if (!value) continue;
      const normalised = normaliseIdentity(kind, value);
      const known = await manager.findOneBy(CustomerIdentity, { kind, value: normalised });
      if (known && known.customerId !== currentId) {
        const record = await manager.findOneByOrFail(Customer, { id: currentId });
        const identities = await this.moveIdentities(tx, currentId, known.customerId);
        await this.markMerged(tx, currentId, known.customerId);
        mergedAway.push({ record: Object.assign(record, { mergedIntoId: known.customerId, mergedAt: new Date() }), identities });
        currentId = known.customerId;
        changed = true;
      } else if (!known) {
        await manager.insert(CustomerIdentity, { kind, value: normalised, customerId: currentId });
      }
    }
    const customer = await manager.findOneByOrFail(Customer, { id: currentId });
    const before = [customer.name, customer.phone, customer.email].join('|');
    if (details.name && !customer.name) customer.name = details.name;
    if (details.phone && !customer.phone) customer.phone = normaliseIdentity(IdentityKind.PHONE, details.phone);
    if (details.email && !customer.email) customer.email = normaliseIdentity(IdentityKind.EMAIL, details.email);
    if ([customer.name, customer.phone, customer.email].join('|') !== before) changed = true;
    await manager.save(customer);
    return { customer, changed, mergedAway };
  }

  /** Every identity of these customers, oldest first. */
  identitiesOf(customerIds: readonly string[]): Promise<CustomerIdentity[]> {
    return customerIds.length === 0 ? Promise.resolve([]) : this.manager().find(CustomerIdentity, { where: { customerId: In([...customerIds]) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The merges into these customers, oldest first. */
  mergesInto(customerIds: readonly string[]): Promise<CustomerMerge[]> {
    return customerIds.length === 0 ? Promise.resolve([]) : this.manager().find(CustomerMerge, { where: { survivingCustomerId: In([...customerIds]) }, order: { mergedAt: 'ASC', id: 'ASC' } });
  }

  /** Both records row-locked, in id order (the one lock order, so two merges of the same pair wait rather than deadlock). */
  async lockPair(tx: Tx, ids: [string, string]): Promise<Customer[]> {
    return this.manager(tx).createQueryBuilder(Customer, 'customer').where('customer.id IN (:...ids)', { ids }).orderBy('customer.id').setLock('pessimistic_write').getMany();
  }

  /** Points every identity of one record at another; answers what moved. */
  async moveIdentities(tx: Tx, fromId: string, toId: string): Promise<Array<{ kind: IdentityKind; value: string }>> {
    const rows: [Array<{ kind: IdentityKind; value: string }>, number] = await this.manager(tx).query(
      `UPDATE customer_identity SET customer_id = $2 WHERE customer_id = $1 RETURNING kind, value`,
      [fromId, toId],
    );
    return rows[0].map(({ kind, value }) => ({ kind, value }));
  }

  /** Marks a record merged into another; records merged into it earlier now point at the survivor too. */
  async markMerged(tx: Tx, mergedId: string, intoId: string): Promise<void> {
    const manager = this.manager(tx);
    await manager.update(Customer, { mergedIntoId: mergedId }, { mergedIntoId: intoId });
    await manager.update(Customer, { id: mergedId }, { mergedIntoId: intoId, mergedAt: new Date() });
  }

  /** Writes a record's name, phone and email (the caller holds it locked). */
  async saveDetails(tx: Tx, customer: Customer): Promise<Customer> {
    const manager = this.manager(tx);
    await manager.update(Customer, { id: customer.id }, { name: customer.name, phone: customer.phone, email: customer.email });
    return manager.findOneByOrFail(Customer, { id: customer.id });
  }

  lockById(tx: Tx, id: string): Promise<Customer | null> {
    return this.manager(tx).createQueryBuilder(Customer, 'customer').where('customer.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  async insertMerge(tx: Tx, row: { survivingCustomerId: string; mergedCustomerId: string; staffUserId: string | null; apiKeyId: string | null; mergedCustomer: CustomerMerge['mergedCustomer']; moved: MergeMoved }): Promise<CustomerMerge> {
    const manager = this.manager(tx);
    return manager.save(manager.create(CustomerMerge, row));
  }
}

export function normaliseIdentity(kind: IdentityKind, value: string): string {
  if (kind === IdentityKind.EMAIL) return value.trim().toLowerCase();
  if (kind === IdentityKind.PHONE) return value.replace(/[^\d+]/g, '');
  return value.trim();
}
