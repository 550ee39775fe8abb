import { describe, expect, it } from 'vitest';
import { livePendingChange } from './self-service';

describe('a change waiting for a yes or no', () => {
  const pending = { kind: 'MODIFY' as const, bookingId: 'b1', choices: [], changes: { startTime: '19:00' }, readBack: true, askedAt: '2026-12-01T10:00:00Z' };

  it('is answered within a day', () => {
    expect(livePendingChange(pending, new Date('2026-12-02T09:59:00Z'))).toBe(pending);
  });

  it('is forgotten after a day: a late "yes" answers nothing', () => {
    expect(livePendingChange(pending, new Date('2026-12-02T10:01:00Z'))).toBeNull();
    expect(livePendingChange(null, new Date())).toBeNull();
  });
});
