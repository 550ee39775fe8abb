import { describe, expect, it } from 'vitest';
import { findEmail, findPhone } from './contact';

describe('findPhone', () => {
  it.each([
    { text: 'call (919) 555-0142', phone: '+19195550142' },
    { text: 'text 919-555-0142 please', phone: '+19195550142' },
    { text: 'my number is 704.555.0188', phone: '+17045550188' },
    { text: 'phone 312 555 0199', phone: '+13125550199' },
    { text: 'its under 2125550147', phone: '+12125550147' },
    { text: 'reach me on +1 (415) 555-0178', phone: '+14155550178' },
    { text: '1-646-555-0155', phone: '+16465550155' },
    { text: '+44 20 7946 0958', phone: '+442079460958' },
    { text: '(916) 555-0123', phone: '+19165550123' },
    { text: 'cell 916.555.0123 thx', phone: '+19165550123' },
    { text: '+1 916 555 0123', phone: '+19165550123' },
    { text: 'call me 9165550123', phone: '+19165550123' },
    { text: 'Text me at 555-555-0123', phone: '+15555550123' },
    { text: 'UK mobile +44 (0)20 7946 0958', phone: '+442079460958' },
  ])('$text -> $phone', ({ text, phone }) => {
    expect(findPhone(text)?.value).toBe(phone);
  });

  it.each(['12/19/2026', 'zip 62704', 'booking #HB-2231', '123 Main St', '0123456789', '19195550142123', 'party of 12 5551234567'])('finds no phone in "%s"', (text) => {
    expect(findPhone(text)).toBeUndefined();
  });

  it('returns where it was found, so it can be masked', () => {
    expect(findPhone('call 919-555-0142 now')).toMatchObject({ start: 5, end: 17 });
  });
});

describe('findEmail', () => {
  it.each([
    { text: 'Email me at Lena.W@Example.com.', email: 'lena.w@example.com' },
    { text: 'tom_b+hibachi@example.com', email: 'tom_b+hibachi@example.com' },
    { text: 'events@mail.example.co.uk thanks', email: 'events@mail.example.co.uk' },
  ])('$text -> $email', ({ text, email }) => {
    expect(findEmail(text)?.value).toBe(email);
  });

  it('finds nothing without an address', () => {
    expect(findEmail('email me @ home')).toBeUndefined();
  });
});
