import type { Migration, MigrationQueryRunner } from './migration';

/**
 * Transcripts of recorded calls: the call's recording, and where its transcription stands
 * (PENDING until RingCentral's speech-to-text has taken the job, REQUESTED while it works,
 * then TRANSCRIBED or FAILED), and the whole transcript: the caller's PHONE thread gets it as
 * a message, cut to the message length when the call was long.
 */
export class CallTranscripts1795260000000 implements Migration {
  name = 'CallTranscripts1795260000000';

  async up(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE phone_call
        ADD COLUMN recording_id varchar(64),
        ADD COLUMN transcription varchar(12),
        ADD COLUMN transcription_job_id varchar(100),
        ADD COLUMN transcription_error text,
        ADD COLUMN transcript text`);
  }

  async down(db: MigrationQueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE phone_call
        DROP COLUMN recording_id,
        DROP COLUMN transcription,
        DROP COLUMN transcription_job_id,
        DROP COLUMN transcription_error,
        DROP COLUMN transcript`);
  }
}
