import type { Migration, MigrationQueryRunner } from './migration';

/**
 * A message whose provider answer was lost where the provider cannot be asked (Meta's Send
 * API) is UNCONFIRMED until a person checks and resends it: the delivery status needs room for
 * the word. (outbound_send.status, varchar(12), already has it.)
 */
export class UnconfirmedSends1795270000000 implements Migration {
  name = 'UnconfirmedSends1795270000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message ALTER COLUMN delivery_status TYPE varchar(16)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    // Back to the old width: an unconfirmed message reads as queued again.
    await db.query(`UPDATE message SET delivery_status = 'QUEUED' WHERE delivery_status = 'UNCONFIRMED'`);
    await db.query(`UPDATE outbound_send SET status = 'PENDING' WHERE status = 'UNCONFIRMED'`);
    await db.query(`ALTER TABLE message ALTER COLUMN delivery_status TYPE varchar(10)`);
  }
}
