import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import type { DocumentNode, GraphQLInputType, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import * as generated from '../console/src/graphql/generated/graphql';
import type * as ConfigModule from '../server/src/app/config';
import type * as LimitsModule from '../server/src/app/graphql-limits';
import type * as SchemaModule from '../server/src/app/schema';
import type * as QueryCostModule from '../server/src/shared/graphql/query-cost';
import { SERVER_ENTRY } from './support/test-server';

// The built server, as it runs (CommonJS): the schema type-graphql builds and the cost counted on
// it must share one copy of graphql, which Vite's ESM builds of graphql and of
// graphql-query-complexity would not.
const requireBuilt = createRequire(SERVER_ENTRY);
const { Kind, getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, specifiedRules, typeFromAST, validate } = requireBuilt('graphql') as typeof GraphQL;
const { loadConfig } = requireBuilt('./app/config') as typeof ConfigModule;
const { operationLimitRules, queryCostSettings } = requireBuilt('./app/graphql-limits') as typeof LimitsModule;
const { buildAppSchema } = requireBuilt('./app/schema') as typeof SchemaModule;
const { operationCost, queryCostError } = requireBuilt('./shared/graphql/query-cost') as typeof QueryCostModule;

// The limits as a server starts with them by default.
const config = loadConfig({});
let schema: GraphQLSchema;

beforeAll(async () => {
  // Only the schema is needed: nothing is published or subscribed to.
  schema = await buildAppSchema({ pubSub: { publish: () => undefined, subscribe: () => (async function* () {})() } });
});

/** Every operation the console (and the web chat) sends, as codegen wrote it. */
const consoleOperations = Object.entries(generated)
  .filter((entry): entry is [string, DocumentNode] => (entry[1] as DocumentNode)?.kind === Kind.DOCUMENT)
  .map(([name, document]) => ({ name, document, operation: document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION) }))
  .filter((entry) => entry.operation !== undefined);

/** The variables that make an operation cost the most: every `first` at the largest page, anything required filled in. */
function costliestVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType;
    if (definition.variable.name.value === 'first') variables.first = config.graphqlMaxPageSize;
    else if (isNonNullType(type)) variables[definition.variable.name.value] = placeholder(type);
  }
  return variables;
}

function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((field) => isNonNullType(field.type)).map((field) => [field.name, placeholder(field.type)]));
  }
  return { Int: 1, Float: 1, Boolean: true, DateTimeISO: new Date().toISOString() }[named.name] ?? 'x';
}

describe('what the console asks fits the limits on one operation', () => {
  it('finds the console operations', () => {
    expect(consoleOperations.map(({ name }) => name)).toEqual(expect.arrayContaining(['EscalationsDocument', 'ConversationDocument', 'LoginDocument', 'WebChatHistoryDocument']));
  });

  it.each(consoleOperations.map((entry) => [entry.name.replace(/Document$/, ''), entry] as const))('%s, with every page at its largest', (_name, { document, operation }) => {
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(config)])).toEqual([]);
    const variables = costliestVariables(operation!);
    const cost = operationCost({ schema, document, variables, settings: queryCostSettings(config) });
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(config.graphqlMaxCost);
    expect(queryCostError({ schema, document, variables, settings: queryCostSettings(config) })).toBeUndefined();
  });
});
