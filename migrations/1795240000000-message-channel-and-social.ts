import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Each message records the channel it travelled on (a phone thread is answered by SMS), and
 * outbound sends cover every channel that needs a provider call, not only SMS.
 */
export class MessageChannelAndSocial1795240000000 implements Migration {
  name = 'MessageChannelAndSocial1795240000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message ADD COLUMN channel varchar(20)`);
    await db.query(`UPDATE message m SET channel = c.channel FROM conversation c WHERE c.id = m.conversation_id`);
    await db.query(`ALTER TABLE message ALTER COLUMN channel SET NOT NULL`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message DROP COLUMN channel`);
  }
}
