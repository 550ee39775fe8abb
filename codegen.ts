import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Console types from the emitted schema. The only schema input is schema/schema.graphql
 * (build output of the server, checked for drift), never a running server, so codegen is
 * reproducible offline. Operations are the `graphql(...)` calls in console/src.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['console/src/**/*.{ts,tsx}', '!console/src/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'console/src/graphql/generated/': {
      preset: 'client',
      presetConfig: {
        gqlTagName: 'graphql',
        // Components read plain result types; colocated fragments are not used for masking.
        fragmentMasking: false,
      },
      config: {
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false },
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
