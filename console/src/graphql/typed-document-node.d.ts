// The client preset's generated files import from @graphql-typed-document-node/core, which
// Apollo Client depends on but pnpm does not hoist into the console. This declares the same
// two types (the package is only these declarations), so tsc resolves the import without
// adding a dependency for types alone. An ambient declaration wins over node_modules, so Apollo's
// own imports of the module see this too; the shapes are identical to @3.2.0.
declare module '@graphql-typed-document-node/core' {
  import type { DocumentNode } from 'graphql';

  export interface DocumentTypeDecoration<TResult, TVariables> {
    __apiType?: (variables: TVariables) => TResult;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the package's own defaults
  export interface TypedDocumentNode<TResult = { [key: string]: any }, TVariables = { [key: string]: any }>
    extends DocumentNode,
      DocumentTypeDecoration<TResult, TVariables> {}

  export type ResultOf<T> = T extends DocumentTypeDecoration<infer ResultType, infer _VariablesType> ? ResultType : never;
  export type VariablesOf<T> = T extends DocumentTypeDecoration<infer _ResultType, infer VariablesType> ? VariablesType : never;
}
