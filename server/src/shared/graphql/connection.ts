import { GraphQLError } from 'graphql';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Relay-style connections: `first`/`after` in, `edges`/`pageInfo` out. */
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: 'How many items to return (default 50, at most GRAPHQL_MAX_PAGE_SIZE, 100 unless configured).' })
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function connectionType<T extends object>(Item: ClassType<T>, name: string): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => Item)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

export const DEFAULT_PAGE_SIZE = 50;

export const encodeCursor = (values: Array<string | number>) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

export function decodeCursor(cursor: string): [string | number, string] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Array.isArray(values) && values.length === 2 && ['string', 'number'].includes(typeof values[0]) && typeof values[1] === 'string') {
      return [values[0] as string | number, values[1]];
    }
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('after is not a cursor this API returned; pass a pageInfo.endCursor.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

/** How many items a page holds: `first`, checked against the limit, or the default. */
export function pageSize(first: number | undefined, maxPageSize: number): number {
  const size = first ?? Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
  if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
    throw new GraphQLError(`first must be between 1 and ${maxPageSize}.`, {
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' },
    });
  }
  return size;
}

/**
 * Keyset pagination on (sort column, id): stable while rows are added or removed, and as
 * fast on page 100 as on page 1.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(params: {
  query: SelectQueryBuilder<T>;
  alias: string;
  /** The entity property and its column, e.g. `number`/`number` or `lastMessageAt`/`last_message_at`. */
  sortKey: keyof T & string;
  sortColumn: string;
  direction: 'ASC' | 'DESC';
  args: ConnectionArgs;
  maxPageSize: number;
  /** How the page's rows are read; TypeORM's getMany unless the repository has a faster way. */
  read?: (page: SelectQueryBuilder<T>) => Promise<T[]>;
}): Promise<Connection<T>> {
  const { query, alias, sortKey, sortColumn, direction, args, maxPageSize, read = (page) => page.getMany() } = params;
  const first = pageSize(args.first, maxPageSize);
  const totalCount = await query.clone().getCount();
  const page = query.clone().orderBy(`${alias}.${sortColumn}`, direction).addOrderBy(`${alias}.id`, direction).take(first + 1);
  if (args.after) {
    const [afterValue, afterId] = decodeCursor(args.after);
    const comparison = direction === 'ASC' ? '>' : '<';
    page.andWhere(`(${alias}.${sortColumn}, ${alias}.id) ${comparison} (:afterValue, :afterId)`, { afterValue, afterId });
  }
  return toConnection(await read(page), first, totalCount, sortKey);
}

/**
 * A page as a connection: `rows` were read with one row more than `first` (that one only says
 * whether a next page exists), in (sort key, id) order; each cursor carries both.
 */
export function toConnection<T extends { id: string }>(rows: T[], first: number, totalCount: number, sortKey: keyof T & string): Connection<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => {
    const value = node[sortKey] as unknown;
    return { cursor: encodeCursor([value instanceof Date ? value.toISOString() : (value as string | number), node.id]), node };
  });
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
