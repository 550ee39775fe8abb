#!/usr/bin/env node
/**
 * Runs one TypeScript file of the server directly (`node scripts/run-ts.mjs <file.ts>`), for
 * scripts such as `pnpm train:assistant` that should not wait for a full build. SWC (already
 * the test runner's compiler) strips the types in memory; the server compiles to CommonJS, so
 * `.ts` is registered as a CommonJS extension.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { transformSync } from '@swc/core';

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const target = process.argv[2];
if (!target) {
  console.error('usage: node scripts/run-ts.mjs <file.ts>');
  process.exit(2);
}
Module.createRequire(import.meta.url)(path.resolve(target));
