import { describe, expect, it } from 'vitest';
import { recipientTimeZone } from './recipient-time-zone';

const BUSINESS = 'America/Los_Angeles';

describe("a recipient's time zone for quiet hours", () => {
  it.each([
    ['500 Main St, New York, NY 10001', 'America/New_York'],
    ['12 Elm St, Phoenix, AZ 85001-4321', 'America/Phoenix'],
    ['1 Aloha Way, Honolulu 96813', 'Pacific/Honolulu'],
    ['47000 Warm Springs Blvd, Fremont, CA 94539', 'America/Los_Angeles'],
    ['Unit 10001, 200 Lake Shore Dr, Chicago, IL 60611', 'America/Chicago'],
  ])('reads the zone of the event address %s from its ZIP code', async (address, zone) => {
    expect(await recipientTimeZone({ address, phone: '+12125550100' }, BUSINESS)).toEqual({ zone, source: 'ZIP_CODE' });
  });

  it.each([
    ['+12125550100', 'America/New_York'],
    ['(312) 555-0100', 'America/Chicago'],
    ['+18085550100', 'Pacific/Honolulu'],
  ])('falls back to the area code of %s when the address has no ZIP', async (phone, zone) => {
    expect(await recipientTimeZone({ address: '12 Main St, Springfield', phone }, BUSINESS)).toEqual({ zone, source: 'AREA_CODE' });
  });

  it('uses the business zone when neither says, and says so', async () => {
    expect(await recipientTimeZone({ address: null, phone: null }, BUSINESS)).toEqual({ zone: BUSINESS, source: 'BUSINESS' });
    expect(await recipientTimeZone({ address: 'somewhere', phone: 'not a phone' }, BUSINESS)).toEqual({ zone: BUSINESS, source: 'BUSINESS' });
    // Idaho's 208 spans Mountain and Pacific time: the area code cannot say which.
    expect(await recipientTimeZone({ address: 'Boise', phone: '+12085550100' }, BUSINESS)).toEqual({ zone: BUSINESS, source: 'BUSINESS' });
  });
});
