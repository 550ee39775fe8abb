import type { GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every plain `@Field` property a resolver of its own that runs the field's
 * middleware chain, even when the chain is empty, so a page of fifty bookings paid for a
 * thousand of them. A field with no roles, no middleware and no field resolver is a property
 * read: here it gets graphql-js's default resolver (or a plain read of the property when the
 * schema names it differently). Anything with roles or middleware keeps type-graphql's resolver.
 * Call it once, right after buildSchema.
 */
export function resolvePlainFieldsDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const resolved = new Map<Function, Set<string>>();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    if (target) resolved.set(target, (resolved.get(target) ?? new Set()).add(resolver.methodName));
  }
  const plainByClass = new Map<Function, Map<string, string>>();
  for (const field of storage.fields) {
    if ((field.roles?.length ?? 0) > 0 || (field.middlewares?.length ?? 0) > 0 || (field.params?.length ?? 0) > 0) continue;
    const plain = plainByClass.get(field.target) ?? new Map<string, string>();
    plain.set(field.schemaName, field.name);
    plainByClass.set(field.target, plain);
  }
  for (const objectType of [...storage.objectTypes, ...storage.interfaceTypes]) {
    // The names are type-graphql's object and interface types. (No instanceof check: under a test
    // runner the schema's graphql may be another copy of the package than this file's.)
    const type = schema.getType(objectType.name) as GraphQLObjectType | GraphQLInterfaceType | undefined;
    if (!type || !('getFields' in type)) continue;
    // A class's own fields and those it inherits from its superclasses.
    const plain = new Map<string, string>();
    const withResolver = new Set<string>();
    for (let target: Function | null = objectType.target; target && target !== Function.prototype; target = Object.getPrototypeOf(target) as Function | null) {
      for (const method of resolved.get(target) ?? []) withResolver.add(method);
      for (const [schemaName, property] of plainByClass.get(target) ?? []) if (!plain.has(schemaName)) plain.set(schemaName, property);
    }
    for (const [schemaName, field] of Object.entries(type.getFields())) {
      const property = plain.get(schemaName);
      if (property === undefined || withResolver.has(property)) continue;
      field.resolve = property === schemaName ? undefined : (source: Record<string, unknown>) => source[property];
    }
  }
}
