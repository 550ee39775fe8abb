import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from './support/test-database';

/**
 * `pnpm simulate`, briefly: the simulator starts the real server on a database of this run,
 * plays customers through the wire-format stand-ins for 20 seconds, and checks its soak
 * invariants. What it reports must show the product doing its work (bookings, escalations,
 * payments, reviews in the database) with every invariant holding.
 */

const ROOT = path.resolve(__dirname, '..');

function runSimulator(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/run-ts.mjs'), path.join(ROOT, 'test/simulator/simulate.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('pnpm simulate', () => {
  it('plays 20 seconds of customers against a real server and every soak invariant holds', async () => {
    const { redisUrl, runId } = inject('testServices');
    const databaseUrl = await createTestDatabase();
    const summaryFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'simulate-')), 'summary.json');

    const { code, output } = await runSimulator(['--duration', '20', '--speed', '4', '--seed', '17', '--exit', '--database-url', databaseUrl, '--json', summaryFile], {
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `t${runId}:simulate:`, // deleted with the run's other keys
    });

    expect(code, output).toBe(0);
    // A progress line at least every few seconds, and the invariants printed.
    expect(output.match(/^\[\s*\d+s\] events \d+ .* errors \d+$/gm)!.length, output).toBeGreaterThanOrEqual(5);
    expect(output).toMatch(/Soak invariants:\n(\s+PASS .*\n){7}/);

    const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    expect(summary.invariants.length).toBe(7);
    expect(summary.invariants.filter((result: { ok: boolean }) => !result.ok)).toEqual([]);
    // What the server itself holds afterwards, not what the simulator believes it did.
    expect(summary.totals.confirmed).toBeGreaterThan(0);
    expect(summary.totals.escalations).toBeGreaterThan(0);
    expect(summary.totals.payments).toBeGreaterThan(0);
    expect(summary.totals.reviews).toBeGreaterThan(0);
    expect(summary.counts.errors).toBe(0);
  }, 120_000);
});
