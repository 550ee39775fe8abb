import { describe, expect, it } from 'vitest';
import { graphFailureOutcome } from './meta.send-api';

/** Meta cannot be asked whether a message went out, so only an answer that says it did not may be retried by itself. */
describe('graphFailureOutcome', () => {
  const cases: Array<[number, { code?: number; is_transient?: boolean }, 'not-sent' | 'unknown' | 'permanent', string]> = [
    [429, {}, 'not-sent', 'HTTP rate limit'],
    [400, { code: 613 }, 'not-sent', 'calls over the rate limit'],
    [400, { code: 131056 }, 'not-sent', 'WhatsApp pair rate limit'],
    [503, { code: 2 }, 'not-sent', 'service unavailable'],
    [503, {}, 'not-sent', 'unavailable without a body'],
    [400, { code: 1200 }, 'not-sent', 'temporary send failure'],
    [400, { is_transient: true }, 'not-sent', 'marked transient'],
    [500, { code: 1 }, 'unknown', 'an unknown internal error may follow acceptance'],
    [500, { code: 2 }, 'unknown', 'an internal error with a temporary code'],
    [502, {}, 'unknown', 'a gateway error: the message may have been taken'],
    [504, {}, 'unknown', 'a gateway timeout: the message may have been taken'],
    [400, { code: 100 }, 'permanent', 'invalid parameter'],
    [403, { code: 10 }, 'permanent', 'permission denied'],
    [400, { code: 551 }, 'permanent', 'the person is not available'],
  ];
  it.each(cases)('%i %j is %s (%s)', (status, graph, outcome) => {
    expect(graphFailureOutcome(status, graph)).toBe(outcome);
  });
});
