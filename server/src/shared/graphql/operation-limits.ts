import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

/**
 * Refuses operations with more than `maxAliases` aliases: an alias lets one request ask for the
 * same list or run the same mutation hundreds of times (500 pages of webhook payloads, 70
 * sign-ins). Aliases inside fragments count once per spread.
 */
export function aliasLimitRule(maxAliases: number) {
  return (context: ValidationContext): ASTVisitor => {
    const inFragment = new Map<string, number>();
    const aliasesIn = (selectionSet: SelectionSetNode, visiting: Set<string>): number => {
      let count = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) count++;
          if (selection.selectionSet) count += aliasesIn(selection.selectionSet, visiting);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += aliasesIn(selection.selectionSet, visiting);
        } else {
          count += aliasesInFragment(context.getFragment(selection.name.value), visiting);
        }
      }
      return count;
    };
    // Counted once per fragment (a fragment spread many times over cannot make this slow);
    // unknown and cyclic spreads are reported by graphql-js's own rules.
    const aliasesInFragment = (fragment: FragmentDefinitionNode | null | undefined, visiting: Set<string>): number => {
      if (!fragment || visiting.has(fragment.name.value)) return 0;
      const known = inFragment.get(fragment.name.value);
      if (known !== undefined) return known;
      const count = aliasesIn(fragment.selectionSet, new Set([...visiting, fragment.name.value]));
      inFragment.set(fragment.name.value, count);
      return count;
    };
    return {
      OperationDefinition(operation) {
        const aliases = aliasesIn(operation.selectionSet, new Set());
        if (aliases > maxAliases) {
          report(context, operation, `This operation uses ${aliases} aliases; the limit is ${maxAliases}. Split it into several requests.`);
        }
      },
    };
  };
}

/**
 * Refuses mutation operations that run more than `maxMutations` root fields: each is a write
 * (or a sign-in costing a password hash), run one after another within one request.
 */
export function mutationLimitRule(maxMutations: number) {
  return (context: ValidationContext): ASTVisitor => {
    // Fields with the same response key are merged into one execution, so keys are counted. A
    // fragment adds the same keys wherever it is spread: each is read once (which also ends cycles).
    const rootKeys = (selectionSet: SelectionSetNode, keys: Set<string>, read: Set<string>): Set<string> => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.name.value.startsWith('__')) keys.add((selection.alias ?? selection.name).value);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          rootKeys(selection.selectionSet, keys, read);
        } else if (!read.has(selection.name.value)) {
          read.add(selection.name.value);
          const fragment = context.getFragment(selection.name.value);
          if (fragment) rootKeys(fragment.selectionSet, keys, read);
        }
      }
      return keys;
    };
    return {
      OperationDefinition(operation) {
        if (operation.operation !== 'mutation') return;
        const mutations = rootKeys(operation.selectionSet, new Set(), new Set()).size;
        if (mutations > maxMutations) {
          report(context, operation, `This operation runs ${mutations} mutations; the limit is ${maxMutations}. Send them in separate requests.`);
        }
      },
    };
  };
}

function report(context: ValidationContext, operation: OperationDefinitionNode, message: string): void {
  context.reportError(new GraphQLError(message, { nodes: [operation], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
}
