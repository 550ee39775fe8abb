import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import type { ConsentKeyword } from './consent';
import { MessagingConsent } from './messaging-consent.entity';

/** Consent as stored: the only code that knows how. */
export class ConsentRepository extends RepositoryBase {
  constructor(dataSource: DataSource) {
    super(dataSource);
  }

  async isOptedOut(channel: string, address: string, tx?: Tx): Promise<boolean> {
    const row = await this.manager(tx).findOneBy(MessagingConsent, { channel, address });
    return row?.optedOut ?? false;
  }

  async record(tx: Tx, consent: { channel: string; address: string; optedOut: boolean; keyword: ConsentKeyword }): Promise<void> {
    await this.manager(tx).query(
      `INSERT INTO messaging_consent (channel, address, opted_out, keyword, changed_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (channel, address) DO UPDATE SET opted_out = EXCLUDED.opted_out, keyword = EXCLUDED.keyword, changed_at = now()`,
      [consent.channel, consent.address, consent.optedOut, consent.keyword],
    );
  }
}
