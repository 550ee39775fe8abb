import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PubSub } from 'graphql-subscriptions';
import { findWorkspaceRoot } from '../app/config';
import { buildAppSchema, printSortedSchema } from '../app/schema';

/** Build step: writes the SDL the code defines to schema/schema.graphql (CI fails when it drifts). */
async function emitSchema(): Promise<void> {
  const pubSub = new PubSub();
  const schema = await buildAppSchema({ pubSub: { publish: () => undefined, subscribe: (topic) => pubSub.asyncIterableIterator(topic) } });
  const target = path.join(findWorkspaceRoot(), 'schema', 'schema.graphql');
  writeFileSync(target, printSortedSchema(schema));
  console.log(`schema written to ${path.relative(process.cwd(), target)}`);
}

emitSchema().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
