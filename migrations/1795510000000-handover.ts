import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Handover between staff: who handed an escalation to its holder, which holder the customer was
 * last told of ("<name> joined"), the customer's sentiment when it was raised (upset customers
 * first in the queue), and the name a customer saw on a staff reply.
 */
export class Handover1795510000000 implements Migration {
  name = 'Handover1795510000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE escalation ADD COLUMN handed_over_by_id uuid REFERENCES staff_user(id)`);
    await db.query(`ALTER TABLE escalation ADD COLUMN announced_staff_id uuid REFERENCES staff_user(id)`);
    await db.query(`ALTER TABLE escalation ADD COLUMN customer_sentiment real`);
    await db.query(`ALTER TABLE message ADD COLUMN sender_name varchar(100)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`ALTER TABLE message DROP COLUMN sender_name`);
    await db.query(`ALTER TABLE escalation DROP COLUMN customer_sentiment`);
    await db.query(`ALTER TABLE escalation DROP COLUMN announced_staff_id`);
    await db.query(`ALTER TABLE escalation DROP COLUMN handed_over_by_id`);
  }
}
