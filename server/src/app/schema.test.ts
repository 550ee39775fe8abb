import 'reflect-metadata';
import { defaultFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { PubSub } from 'graphql-subscriptions';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, resolvers } from './schema';

describe('the schema', () => {
  it('has every Query, Mutation and Subscription field declare who may call it', () => {
    expect(resolvers.length).toBeGreaterThan(0); // loads the resolver classes, registering their metadata
    const storage = getMetadataStorage();
    const rootFields = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    const undeclared = rootFields
      .filter((field) => !storage.authorizedFields.some((auth) => auth.target === field.target && auth.fieldName === field.methodName))
      .map((field) => `${field.target.name}.${field.methodName}`);
    expect(rootFields.length).toBeGreaterThan(5);
    expect(undeclared, 'add @Public(), @StaffOnly() or @AdminOnly() to these').toEqual([]);
  });

  // A page of 50 extensions resolves over a thousand such fields: each wrapped in a promise
  // (as a global middleware does) cost the list a third of its throughput.
  it('resolves a plain field of a page synchronously, leaving the userErrors mapping to mutations', async () => {
    const pubSub = new PubSub();
    const schema = await buildAppSchema({ pubSub: { publish: () => undefined, subscribe: (topic) => pubSub.asyncIterableIterator(topic) } });
    const extension = schema.getType('Extension') as GraphQLObjectType;
    const resolve = extension.getFields().number.resolve ?? defaultFieldResolver;
    expect(resolve({ number: 101 }, {}, {}, { fieldName: 'number', parentType: extension } as GraphQLResolveInfo)).toBe(101);
  });
});
