import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Matching from '../../server/src/modules/payments/matching';
import type { LabeledSet } from './evaluate';

/** The built matcher (server/dist), where its worker thread's file is: the worker gives the answers the slices give. */
const require = createRequire(import.meta.url);
const MATCHING_JS = path.resolve(__dirname, '../../server/dist/server/src/modules/payments/matching/index.js');
const matching = require(MATCHING_JS) as typeof Matching;
const set = JSON.parse(fs.readFileSync(path.join(__dirname, 'labeled-credits.json'), 'utf8')) as LabeledSet;

describe('matching many credits in a worker thread', () => {
  it('gives the same suggestions as the slices, rejected bookings left out', async () => {
    const credits = set.tuning.credits.slice(0, 400);
    const first = credits.find((credit) => credit.expected)!;
    const excludedBookingIds = new Map([[first.id, new Set([first.expected!.bookingId])]]);
    const [inWorker, inSlices] = await Promise.all([
      matching.matchCredits(credits, set.tuning.bookings, { thread: 'worker', excludedBookingIds }),
      matching.matchCredits(credits, set.tuning.bookings, { thread: 'slices', excludedBookingIds }),
    ]);
    expect(inWorker.size).toBe(credits.length);
    expect(inWorker).toEqual(inSlices);
    expect(inWorker.get(first.id)!.map((suggestion) => suggestion.bookingId)).not.toContain(first.expected!.bookingId);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    const run = matching.matchCredits(set.tuning.credits, set.tuning.bookings, { thread: 'worker', signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(run).rejects.toThrow('stopped');
  });
});

describe('the long-lived matching worker', () => {
  const worker = new matching.MatchingWorker();
  afterAll(() => worker.close());
  const credits = set.tuning.credits.slice(0, 600);
  const bookings = set.tuning.bookings;

  it('answers run after run, overlapping runs included, as the slices do', async () => {
    const inSlices = await matching.matchCredits(credits, bookings, { thread: 'slices' });
    const first = await matching.matchCredits(credits, bookings, { thread: 'worker', worker });
    const [second, third] = await Promise.all([
      matching.matchCredits(credits, bookings, { thread: 'worker', worker }),
      matching.matchCredits(credits.slice(0, 300), bookings, { thread: 'auto', worker, maxSuggestions: 1 }),
    ]);
    expect(first).toEqual(inSlices);
    expect(second).toEqual(inSlices);
    expect(third.size).toBe(300);
    for (const [id, suggestions] of third) expect(suggestions).toEqual(inSlices.get(id)!.slice(0, 1));
  });

  it('drops a cancelled run and goes on with the next', async () => {
    const controller = new AbortController();
    const run = worker.match(set.tuning.credits, bookings, { signal: controller.signal });
    controller.abort(new Error('stopped'));
    await expect(run).rejects.toThrow('stopped');
    expect(await worker.match(credits, bookings)).toEqual(await matching.matchCredits(credits, bookings));
  });

  it('rejects runs in progress when closed, and refuses new ones', async () => {
    const closing = new matching.MatchingWorker();
    const run = expect(closing.match(set.tuning.credits, bookings)).rejects.toThrow('The matching worker was closed');
    await closing.close();
    await run;
    await expect(closing.match(credits, bookings)).rejects.toThrow('The matching worker was closed');
  });

  it('does not keep an idle process alive', async () => {
    // A process that matched in the worker and then has nothing to do exits by itself.
    const script = `
      const matching = require(${JSON.stringify(MATCHING_JS)});
      const set = JSON.parse(require('node:fs').readFileSync(${JSON.stringify(path.join(__dirname, 'labeled-credits.json'))}, 'utf8'));
      const worker = new matching.MatchingWorker();
      worker.match(set.tuning.credits.slice(0, 300), set.tuning.bookings).then((results) => console.log(results.size));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { timeout: 20_000 });
    expect(stdout.trim()).toBe('300');
  });
});
