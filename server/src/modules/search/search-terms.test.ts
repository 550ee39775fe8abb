import { describe, expect, it } from 'vitest';
import { readSearchTerms } from './search-terms';

describe('readSearchTerms', () => {
  it.each([
    ['Dana Reyes', { prefixQuery: 'dana:* & reyes:*', phoneDigits: '' }],
    ['  (916) 555-0100 ', { prefixQuery: '916:* & 555:* & 0100:*', phoneDigits: '9165550100' }],
    ['+1 916 555 0100', { prefixQuery: '1:* & 916:* & 555:* & 0100:*', phoneDigits: '9165550100' }],
    ['0100', { prefixQuery: '0100:*', phoneDigits: '0100' }],
    ['555', { prefixQuery: '555:*', phoneDigits: '' }],
    ["O'Brien & (x) | !y:*", { prefixQuery: 'o:* & brien:* & x:* & y:*', phoneDigits: '' }],
    ['José 12 guests', { prefixQuery: 'josé:* & 12:* & guests:*', phoneDigits: '' }],
  ])('%s', (input, expected) => {
    expect(readSearchTerms(input)).toMatchObject(expected);
  });
});
