import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * Fields whose value depends on who asks (an unread count, a topic scoped to the viewer).
 * Subscribers with the same access share one execution of a subscription (app/ws.ts); one that
 * selects such a field is executed for its own staff member only, so nobody hears another's.
 */
const PER_VIEWER = 'perViewer';

/** Marks a field (or a subscription whose events are the viewer's own) as answered per viewer. */
export const PerViewer = () => Extensions({ [PER_VIEWER]: true });

/** Whether an operation selects any field marked PerViewer. */
export function selectsPerViewerField(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        if (typeInfo.getFieldDef()?.extensions?.[PER_VIEWER]) found = true;
      },
    }),
  );
  return found;
}
