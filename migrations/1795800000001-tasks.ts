import type { Migration, MigrationQueryRunner } from './migration';

/** Tasks for staff (issue 16 §5), created by policies and completed by people. */
export class Tasks1795800000001 implements Migration {
  name = 'Tasks1795800000001';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE task (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(200) NOT NULL,
        detail text,
        kind varchar(60) NOT NULL,
        subject_type varchar(60),
        subject_id uuid,
        assigned_staff_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        completed_by_staff_user_id uuid
      )
    `);
    await db.query(`CREATE INDEX task_open_idx ON task (created_at DESC, id DESC) WHERE completed_at IS NULL`);
    await db.query(`CREATE INDEX task_subject_idx ON task (subject_id)`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE task`);
  }
}
