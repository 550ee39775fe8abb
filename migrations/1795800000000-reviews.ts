import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Reviews (issue 16): one row per review, unique by its source's name, with the reply the
 * policy wrote and where it stands; the last template variant per reply kind, so no two
 * consecutive replies of a kind read the same.
 */
export class Reviews1795800000000 implements Migration {
  name = 'Reviews1795800000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source varchar(20) NOT NULL,
        source_name varchar(500) NOT NULL,
        reviewer_name varchar(200) NOT NULL,
        reviewer_phone varchar(40),
        reviewer_email varchar(254),
        rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        sentiment real NOT NULL,
        praised text[] NOT NULL DEFAULT '{}',
        raised text[] NOT NULL DEFAULT '{}',
        flagged boolean NOT NULL DEFAULT false,
        verification varchar(20),
        verification_evidence jsonb,
        reply_state varchar(20) NOT NULL DEFAULT 'NONE',
        reply_text text,
        reply_variant varchar(60),
        reply_posts_at timestamptz,
        replied_at timestamptz,
        reply_failure varchar(500),
        reply_claimed_at timestamptz,
        reply_version integer NOT NULL DEFAULT 0,
        reply_approved_by uuid
      )
    `);
    await db.query(`CREATE UNIQUE INDEX review_source_name_key ON review (source_name)`);
    await db.query(`CREATE INDEX review_created_idx ON review (created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX review_waiting_reply_idx ON review (reply_posts_at) WHERE reply_state IN ('SCHEDULED', 'POSTING')`);
    await db.query(`
      CREATE TABLE review_reply_rotation (
        kind varchar(40) PRIMARY KEY,
        last_variant integer,
        used_at timestamptz NOT NULL DEFAULT now()
      )
    `);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`DROP TABLE review_reply_rotation`);
    await db.query(`DROP TABLE review`);
  }
}
