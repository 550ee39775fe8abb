import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Reads a query's rows as entities without TypeORM's general result transformer, for flat
 * entities (no relations, no embeddeds) read a page at a time: each column's value goes through
 * the driver's own conversion (dates, numbers, JSON) onto a plain instance of the class. On a
 * page of bookings the transformer cost more than the statements did.
 */
export async function readFlat<T extends ObjectLiteral>(dataSource: DataSource, query: SelectQueryBuilder<T>, alias: string): Promise<T[]> {
  const metadata = query.expressionMap.mainAlias!.metadata;
  const columns = metadata.columns.filter((column) => column.isSelect).map((column) => ({ key: `${alias}_${column.databaseName}`, column }));
  const raw: Array<Record<string, unknown>> = await query.getRawMany();
  const { driver } = dataSource;
  return raw.map((row) => {
    const entity = metadata.create() as T;
    for (const { key, column } of columns) (entity as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(row[key], column);
    return entity;
  });
}
