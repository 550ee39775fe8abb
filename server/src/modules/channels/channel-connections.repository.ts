import type { DataSource } from 'typeorm';
import { RepositoryBase } from '../../shared/db/unit-of-work';
import { ChannelConnectionRow } from './channel-connection.entity';

/** Provider connections as stored: the only code that knows how. */
export class ChannelConnectionsRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  find(provider: string): Promise<ChannelConnectionRow | null> {
    return this.manager().findOneBy(ChannelConnectionRow, { provider });
  }

  async save(row: ChannelConnectionRow): Promise<void> {
    await this.manager().save(ChannelConnectionRow, row);
  }
}
