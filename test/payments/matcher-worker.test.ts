import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Matching from '../../server/src/modules/payments/matching';
import type { LabeledSet } from './evaluate';

/** The built matcher (server/dist), where its worker thread's file is: the worker gives the answers the slices give. */
const require = createRequire(import.meta.url);
const matching = require(path.resolve(__dirname, '../../server/dist/server/src/modules/payments/matching/index.js')) as typeof Matching;
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
