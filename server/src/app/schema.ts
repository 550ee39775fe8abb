import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';
import { authChecker } from '../shared/auth/access';
import { resolvePlainFieldsDirectly } from '../shared/graphql/plain-fields';
import { mapUserErrorsOnMutations } from '../shared/graphql/user-errors';
import { resolvers } from './modules';

export { resolvers };

export async function buildAppSchema(params: { container?: ContainerType; pubSub: PubSub }): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: resolvers as unknown as [Function, ...Function[]],
    container: params.container,
    pubSub: params.pubSub,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  resolvePlainFieldsDirectly(schema);
  mapUserErrorsOnMutations(schema);
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
