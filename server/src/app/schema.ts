import { SocialResolver } from '../modules/social/social.resolver';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';
import { ConversationsResolver } from '../modules/conversations/conversations.resolver';
import { WebChatResolver } from '../modules/conversations/web-chat.resolver';
import { EscalationsResolver } from '../modules/escalations/escalations.resolver';
import { ExtensionsResolver } from '../modules/extensions/extensions.resolver';
import { MetricsResolver } from '../modules/metrics/metrics.resolver';
import { StaffResolver } from '../modules/staff/staff.resolver';
import { ChannelsResolver } from '../modules/channels/channels.resolver';
import { WebhooksResolver } from '../modules/webhooks/webhooks.resolver';
import { TelephonyResolver } from '../modules/telephony/telephony.resolver';
import { authChecker } from '../shared/auth/access';
import { mapUserErrorsOnMutations } from '../shared/graphql/user-errors';

/** Every resolver of the API. A new module adds its resolver here and its services in container.ts. */
export const resolvers = [StaffResolver, ExtensionsResolver, ConversationsResolver, EscalationsResolver, WebChatResolver, MetricsResolver, WebhooksResolver, ChannelsResolver, SocialResolver, TelephonyResolver] as const;

export async function buildAppSchema(params: { container?: ContainerType; pubSub: PubSub }): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    container: params.container,
    pubSub: params.pubSub,
    authChecker,
    validate: { forbidUnknownValues: false },
  });
  mapUserErrorsOnMutations(schema);
  return schema;
}

/** The SDL as committed in schema/schema.graphql: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
