/**
 * The part of TypeORM's QueryRunner a migration uses. Declared here so migrations/ needs no
 * dependencies of its own; TypeORM passes its real QueryRunner.
 */
export interface MigrationQueryRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface Migration {
  name?: string;
  up(queryRunner: MigrationQueryRunner): Promise<void>;
  down(queryRunner: MigrationQueryRunner): Promise<void>;
}
