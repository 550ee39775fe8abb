import type { DataSource } from 'typeorm';
import { readFlat } from '../../shared/db/plain-rows';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Customer, CustomerIdentity, IdentityKind } from './customer.entity';

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
    return ids.length === 0 ? [] : readFlat(this.dataSource, this.manager().createQueryBuilder(Customer, 'customer').where('customer.id IN (:...ids)', { ids }), 'customer');
  }

  findById(id: string, tx?: Tx): Promise<Customer | null> {
    return this.manager(tx).findOneBy(Customer, { id });
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
   * identities are linked to the known customer, whose id is returned.
   */
  async learn(tx: Tx, customerId: string, details: { name?: string; phone?: string; email?: string }): Promise<string> {
    const manager = this.manager(tx);
    let currentId = customerId;
    for (const [kind, value] of [
      [IdentityKind.PHONE, details.phone],
      [IdentityKind.EMAIL, details.email],
    ] as const) {
      if (!value) continue;
      const normalised = normaliseIdentity(kind, value);
      const known = await manager.findOneBy(CustomerIdentity, { kind, value: normalised });
      if (known && known.customerId !== currentId) {
        await manager.update(CustomerIdentity, { customerId: currentId }, { customerId: known.customerId });
        currentId = known.customerId;
      } else if (!known) {
        await manager.insert(CustomerIdentity, { kind, value: normalised, customerId: currentId });
      }
    }
    const customer = await manager.findOneByOrFail(Customer, { id: currentId });
    if (details.name && !customer.name) customer.name = details.name;
    if (details.phone && !customer.phone) customer.phone = normaliseIdentity(IdentityKind.PHONE, details.phone);
    if (details.email && !customer.email) customer.email = normaliseIdentity(IdentityKind.EMAIL, details.email);
    await manager.save(customer);
    return currentId;
  }
}

export function normaliseIdentity(kind: IdentityKind, value: string): string {
  if (kind === IdentityKind.EMAIL) return value.trim().toLowerCase();
  if (kind === IdentityKind.PHONE) return value.replace(/[^\d+]/g, '');
  return value.trim();
}
