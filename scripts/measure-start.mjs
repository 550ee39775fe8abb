#!/usr/bin/env node
/**
 * Times `pnpm start` from the command to the ready line ("Console: ..."), then stops it with SIGINT.
 *
 *   node scripts/measure-start.mjs [--runs N] [--first | --edit console | --edit server] [--pnpm]
 *
 *   (default)       nothing changed since the last build
 *   --first         as a fresh clone after install: no build outputs, no stamps, a new empty DATA_DIR
 *   --edit console  a comment appended to console/src/main.tsx before each run (restored at the end)
 *   --edit server   a comment appended to server/src/app/http.ts before each run (restored at the end)
 *
 * It runs the README's command (npx --yes <packageManager> start), or `pnpm start` with --pnpm
 * (npx alone spends 1-2 s reading the project's node_modules before pnpm starts), on the embedded
 * default, with PORT=0 unless PORT is set, so it does not collide with a server already on :4000.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const EDITED = { console: 'console/src/main.tsx', server: 'server/src/app/http.ts' };
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '2' }, first: { type: 'boolean' }, edit: { type: 'string' }, pnpm: { type: 'boolean' } },
});
const runs = Number(values.runs);
if (values.edit && !EDITED[values.edit]) throw new Error(`--edit must be one of ${Object.keys(EDITED).join(', ')}`);
const packageManager = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager;
const command = values.pnpm ? ['pnpm', 'start'] : ['npx', '--yes', packageManager, 'start'];

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function startAndTime(env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Its own process group, so SIGINT reaches npx, pnpm and the server as Ctrl-C would.
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let readyAfter;
    const onData = (chunk) => {
      output += chunk;
      if (readyAfter === undefined && /Console:\s+http/.test(output)) {
        readyAfter = (performance.now() - started) / 1000;
        process.kill(-child.pid, 'SIGINT');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', async () => {
      // npx can exit before the server and its PostgreSQL have stopped: wait for the whole group.
      while (groupAlive(child.pid)) await new Promise((wake) => setTimeout(wake, 100));
      if (readyAfter === undefined) reject(new Error(`start exited before it was ready:\n${output}`));
      else resolve({ readyAfter, steps: output.split('\n').filter((line) => line.startsWith('build ')) });
    });
  });
}

const env = { ...process.env, PORT: process.env.PORT ?? '0' };
let dataDir;
if (values.first) {
  for (const dir of ['server/dist', 'console/dist', 'node_modules/.cache/build-steps', 'console/node_modules/.cache/tsc']) {
    rmSync(path.join(ROOT, dir), { recursive: true, force: true });
  }
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-measure-'));
  env.DATA_DIR = dataDir;
}
const edited = values.edit && path.join(ROOT, EDITED[values.edit]);
const original = edited && readFileSync(edited, 'utf8');
try {
  for (let run = 1; run <= runs; run++) {
    if (edited) appendFileSync(edited, `// measure-start ${Date.now()}\n`);
    const { readyAfter, steps } = await startAndTime(env);
    console.log(`run ${run}: ready in ${readyAfter.toFixed(2)} s  (${steps.map((line) => line.replace(/^build /, '').replace(/,.*$/, '')).join('; ')})`);
    if (values.first && run === 1 && runs > 1) console.log('  (later runs find the build and the database from run 1)');
  }
} finally {
  if (edited) {
    writeFileSync(edited, original);
    // Bring the build back in line with the restored file, untimed.
    spawnSync(command[0], [...command.slice(1, -1), 'build'], { cwd: ROOT, stdio: 'ignore' });
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
console.log(`load average: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
