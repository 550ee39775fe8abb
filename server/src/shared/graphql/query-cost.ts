import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getOperationAST, getVariableValues, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from './connection';

/**
 * What an operation costs, worked out from the document before anything runs: every field
 * costs 1 plus what is selected under it, and a list with a page size (`first`) costs 1 plus
 * that many times what each item selects, so 100 threads with 100 messages each cost
 * 100 x 100 and 500 aliased pages cost 500 pages. A field may say otherwise with type-graphql's
 * `complexity` option (a bulky payload, a list of a fixed length).
 */
export interface QueryCostSettings {
  /** The most an operation may cost. */
  maxCost: number;
  /** A list's page when `first` is not given, and the largest one allowed (a larger `first` is refused when run). */
  maxPageSize: number;
}

/** Why an operation is refused before it runs: QUERY_TOO_COSTLY, with its cost and the limit. */
export function queryCostError(params: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  settings: QueryCostSettings;
}): GraphQLError | undefined {
  const { settings } = params;
  const operation = getOperationAST(params.document, params.operationName);
  if (!operation) return undefined; // running it fails anyway, with graphql-js's own words
  // Variables that do not fit their types are refused when the operation runs; it costs nothing.
  const variables = getVariableValues(params.schema, operation.variableDefinitions ?? [], params.variables ?? {});
  if (variables.errors) return undefined;
  let cost: number;
  try {
    cost = operationCost({ ...params, operationName: operation.name?.value });
  } catch (error) {
    // graphql-query-complexity stops counting at 10,000 fields (fragments spread within each other).
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      return new GraphQLError(`This ${operation.operation} asks for more than 10,000 fields once its fragments are spread, more than the limit of ${grouped(settings.maxCost)} allows. Ask for fewer items or fields.`, {
        extensions: { code: 'QUERY_TOO_COSTLY', limit: settings.maxCost },
      });
    }
    throw error;
  }
  if (cost <= settings.maxCost) return undefined;
  return new GraphQLError(`This ${operation.operation} costs ${grouped(cost)}; the limit is ${grouped(settings.maxCost)}. Ask for fewer items or fields.`, {
    extensions: { code: 'QUERY_TOO_COSTLY', cost, limit: settings.maxCost },
  });
}

/** The cost of the named (or only) operation of `document`, as queryCostError counts it. */
export function operationCost(params: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string;
  settings: Pick<QueryCostSettings, 'maxPageSize'>;
}): number {
  return getComplexity({
    schema: params.schema,
    query: params.document,
    variables: params.variables ?? {},
    operationName: params.operationName,
    estimators: [fieldExtensionsEstimator(), pageSizeEstimator(params.settings.maxPageSize), simpleEstimator({ defaultComplexity: 1 })],
  });
}

/** Lists taking `first` cost their page's worth of items; the page is what running it would return at most. */
function pageSizeEstimator(maxPageSize: number): ComplexityEstimator {
  return ({ field, args, childComplexity }) => {
    if (!field.args.some((argument) => argument.name === 'first')) return undefined;
    const requested = typeof args.first === 'number' ? args.first : Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
    return 1 + Math.min(Math.max(requested, 1), maxPageSize) * childComplexity;
  };
}

/** How many distinct (document, operation, variables) verdicts the plugin remembers. */
const VERDICTS_KEPT = 2000;

/**
 * Refuses, before execution, HTTP operations that cost more than the limit (status 400). The
 * verdict depends only on the document, the operation and the variables, and a console asks the
 * same few over and over, so it is worked out once for each and remembered.
 */
export function queryCostPlugin(settings: QueryCostSettings): ApolloServerPlugin {
  const verdicts = new Map<string, GraphQLError | undefined>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, queryHash }) {
          const key = `${queryHash}\u0000${request.operationName ?? ''}\u0000${JSON.stringify(request.variables ?? {})}`;
          let error = verdicts.get(key);
          if (!verdicts.has(key)) {
            error = queryCostError({ schema, document, variables: request.variables, operationName: request.operationName, settings });
            if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value!);
            verdicts.set(key, error);
          }
          if (error) throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

const grouped = (value: number) => value.toLocaleString('en-US');
