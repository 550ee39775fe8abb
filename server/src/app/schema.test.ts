import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from './schema';

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
});
