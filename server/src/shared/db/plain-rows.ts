import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Reads rows as entities without TypeORM's general result transformer (and, with `readFlatSql`,
 * without its query builder), for flat entities (no relations, no embeddeds) read a page at a
 * time: each column's value goes through the driver's own conversion (dates, numbers, JSON)
 * onto a plain instance of the class. On a page of bookings the transformer and the builder cost
 * more than the statements did.
 */

interface FlatReader {
  metadata: EntityMetadata;
  columns: ColumnMetadata[];
  /** Per column, whether the driver's value is already the entity's (no conversion to run). */
  asIs: boolean[];
  /** The selected columns, quoted, for a SELECT list. */
  selectList: string;
}

const readers = new WeakMap<EntityMetadata, FlatReader>();

function readerFor(metadata: EntityMetadata): FlatReader {
  let reader = readers.get(metadata);
  if (!reader) {
    const columns = metadata.columns.filter((column) => column.isSelect);
    reader = { metadata, columns, asIs: columns.map(readsAsIs), selectList: columns.map((column) => `"${column.databaseName}"`).join(', ') };
    readers.set(metadata, reader);
  }
  return reader;
}

// Types whose value pg already gives as TypeORM would hydrate it (strings, numbers, booleans,
// parsed JSON, Date for timestamptz): converting them again was a good part of reading a page.
const AS_IS_TYPES = new Set(['uuid', 'varchar', 'character varying', 'text', 'citext', 'int', 'integer', 'int4', 'smallint', 'int2', 'boolean', 'bool', 'jsonb', 'json', 'double precision', 'float8', 'real', 'float4', 'timestamptz', 'timestamp with time zone']);

function readsAsIs(column: ColumnMetadata): boolean {
  if (column.transformer || column.isArray) return false;
  if (column.type === 'enum') return (column.enum ?? []).every((value) => typeof value === 'string');
  return typeof column.type === 'string' && AS_IS_TYPES.has(column.type);
}

function hydrate<T>(dataSource: DataSource, reader: FlatReader, rows: Array<Record<string, unknown>>, keyOf: (column: ColumnMetadata) => string): T[] {
  const { driver } = dataSource;
  const keys = reader.columns.map((column, i) => ({ key: keyOf(column), property: column.propertyName, column, asIs: reader.asIs[i] }));
  return rows.map((row) => {
    const entity = reader.metadata.create() as Record<string, unknown>;
    for (const { key, property, column, asIs } of keys) entity[property] = asIs ? row[key] : driver.prepareHydratedValue(row[key], column);
    return entity as T;
  });
}

export async function readFlat<T extends ObjectLiteral>(dataSource: DataSource, query: SelectQueryBuilder<T>, alias: string): Promise<T[]> {
  const reader = readerFor(query.expressionMap.mainAlias!.metadata);
  return hydrate<T>(dataSource, reader, await query.getRawMany(), (column) => `${alias}_${column.databaseName}`);
}

/**
 * The entity's selected columns, for `SELECT ${flatColumns(...)} FROM ...` in hand-written SQL
 * that `readFlatSql` then reads.
 */
export function flatColumns(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return readerFor(dataSource.getMetadata(entity)).selectList;
}

/** Runs hand-written SQL whose rows carry the entity's columns by their database names. */
export async function readFlatSql<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, sql: string, parameters: unknown[]): Promise<T[]> {
  const reader = readerFor(manager.connection.getMetadata(entity));
  return hydrate<T>(manager.connection, reader, await manager.query(sql, parameters), (column) => column.databaseName);
}
