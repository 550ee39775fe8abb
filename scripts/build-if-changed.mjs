#!/usr/bin/env node
/**
 * `pnpm build` (and so `pnpm start` and `pnpm test`): runs each build step only when its inputs
 * changed since it last ran here, so a second start with nothing changed goes straight to the server.
 *
 * A step is skipped when the SHA-256 of its input files equals the one stamped after its last run
 * and its outputs are exactly as that run left them (sizes and times of the built files, content
 * of the generated ones): deleting, rebuilding or checking out an output makes the step run again.
 * Stamps live in node_modules/.cache/build-steps; a fresh clone has none, so everything builds.
 * Each step runs a package script (the same ones `pnpm build:server`, `codegen` and `build:console` run),
 * which stay the one definition of how to build.
 *
 * Steps run in order, and a step's outputs can be the next one's inputs: a server change that
 * changes the schema makes codegen run, and new generated types make the console build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const STAMPS = path.join(ROOT, 'node_modules', '.cache', 'build-steps');
const LOCKFILE = 'pnpm-lock.yaml';

const notTest = (file) => !file.endsWith('.test.ts');
// codegen.ts reads operations from these files only.
const operationSource = (file) => /\.tsx?$/.test(file) && !file.startsWith('console/src/graphql/generated/');

const STEPS = [
  {
    name: 'server',
    pnpmArgs: ['--filter', '@hibachi/server', 'run', 'build'],
    // What tsconfig.build.json compiles, its settings and the dependencies' versions.
    inputs: [tree('server/src', notTest), tree('migrations'), 'server/tsconfig.json', 'server/tsconfig.build.json', 'tsconfig.base.json', 'server/package.json', LOCKFILE],
    builtTrees: ['server/dist'],
    generatedFiles: ['schema/schema.graphql'],
  },
  {
    name: 'codegen',
    pnpmArgs: ['run', 'codegen'],
    inputs: ['schema/schema.graphql', 'codegen.ts', tree('console/src', operationSource), LOCKFILE],
    builtTrees: [],
    generatedFiles: ['console/src/graphql/generated/gql.ts', 'console/src/graphql/generated/graphql.ts', 'console/src/graphql/generated/index.ts'],
  },
  {
    name: 'console',
    pnpmArgs: ['--filter', '@hibachi/console', 'run', 'build'],
    inputs: [tree('console/src'), tree('console/public'), 'console/index.html', 'console/chat.html', 'console/vite.config.ts', 'console/tsconfig.json', 'console/package.json', LOCKFILE],
    builtTrees: ['console/dist'],
    generatedFiles: [],
  },
];

function tree(dir, keep = () => true) {
  return { dir, keep };
}

/** Workspace-relative paths of every file under `dir`, sorted so the hash does not depend on listing order. */
function filesUnder(dir) {
  const absolute = path.join(ROOT, dir);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function inputFiles(step) {
  return step.inputs.flatMap((input) => (typeof input === 'string' ? [input] : filesUnder(input.dir).filter(input.keep)));
}

function hashInputs(step) {
  const hash = createHash('sha256');
  for (const file of inputFiles(step)) {
    const absolute = path.join(ROOT, file);
    hash.update(file).update('\0');
    hash.update(existsSync(absolute) ? readFileSync(absolute) : '(missing)').update('\0');
  }
  return hash.digest('hex');
}

/** Undefined when an output is missing, so the step runs. */
function fingerprintOutputs(step) {
  const hash = createHash('sha256');
  for (const dir of step.builtTrees) {
    const files = filesUnder(dir);
    if (files.length === 0) return undefined;
    for (const file of files) {
      const { size, mtimeMs } = statSync(path.join(ROOT, file));
      hash.update(`${file}\0${size}\0${mtimeMs}\0`);
    }
  }
  for (const file of step.generatedFiles) {
    const absolute = path.join(ROOT, file);
    if (!existsSync(absolute)) return undefined;
    hash.update(file).update('\0').update(readFileSync(absolute)).update('\0');
  }
  return hash.digest('hex');
}

function readStamp(step) {
  try {
    return JSON.parse(readFileSync(path.join(STAMPS, `${step.name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Through the pnpm running us, else the pnpm the workspace pins (as the README runs it). */
function runPnpm(pnpmArgs) {
  const running = process.env.npm_execpath;
  const [command, ...args] =
    running && path.basename(running).startsWith('pnpm')
      ? [process.execPath, running]
      : ['npx', '--yes', JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager];
  const result = spawnSync(command, [...args, ...pnpmArgs], { cwd: ROOT, stdio: 'inherit', shell: command === 'npx' && process.platform === 'win32' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

for (const step of STEPS) {
  const inputs = hashInputs(step);
  const stamp = readStamp(step);
  const outputs = fingerprintOutputs(step);
  if (stamp && outputs && stamp.inputs === inputs && stamp.outputs === outputs) {
    console.log(`build ${step.name}: unchanged, skipped`);
    continue;
  }
  console.log(`build ${step.name}: ${stamp ? 'changed' : 'no previous build here'}, running pnpm ${step.pnpmArgs.join(' ')}`);
  const stampFile = path.join(STAMPS, `${step.name}.json`);
  rmSync(stampFile, { force: true });
  const status = runPnpm(step.pnpmArgs);
  if (status !== 0) process.exit(status);
  // The inputs hashed before the run: a file edited during the build makes the next run build again.
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(stampFile, JSON.stringify({ inputs, outputs: fingerprintOutputs(step) }) + '\n');
}
