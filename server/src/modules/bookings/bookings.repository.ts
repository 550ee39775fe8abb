import { In, type DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { Booking } from './booking.entity';

export class BookingsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  insert(tx: Tx, fields: Omit<Booking, 'id' | 'createdAt' | 'updatedAt' | 'globalId'>): Promise<Booking> {
    const manager = this.manager(tx);
    return manager.save(manager.create(Booking, fields));
  }

  async findByIds(ids: readonly string[]): Promise<Booking[]> {
    return ids.length === 0 ? [] : this.manager().findBy(Booking, { id: In([...ids]) });
  }
}
