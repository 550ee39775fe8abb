import { describe, expect, it } from 'vitest';
import { compareNames, nameParts } from './names';
import { sameGivenName } from './nicknames';

const compare = (payer: string, customer: string, handle = false) => compareNames(payer, handle, nameParts(customer));

describe('a payer name against a customer name', () => {
  it.each([
    ['JOHN SMITH', 'John Smith', 'EXACT'],
    ['JOHN A SMITH', 'John Smith', 'EXACT'],
    ['SMITH JOHN', 'John Smith', 'EXACT'],
    ['JOSÉ GARCÍA', 'Jose Garcia', 'EXACT'],
    ['BILL JONES', 'William Jones', 'NICKNAME'],
    ['WILLIAM JONES', 'Bill Jones', 'NICKNAME'],
    ['LIZ TAYLOR', 'Elizabeth Taylor', 'NICKNAME'],
    ['J SMITH', 'John Smith', 'INITIAL'],
    ['SMITH J', 'John Smith', 'INITIAL'],
    ['CHRISTOPHER WILLIA', 'Christopher Williams', 'CUT_SHORT'],
    ['CHRISTOPHER J WIL', 'Christopher Williams', 'CUT_SHORT'],
    ['JOHN SMTIH', 'John Smith', 'FUZZY'],
    ['JESSICA KIME', 'Jessica Kim', 'FUZZY'],
    ['MARY SMITH', 'John Smith', 'FAMILY'],
    ['SMITH', 'John Smith', 'SURNAME_ONLY'],
    ['JOHN DOE', 'John Smith', 'GIVEN_NAME_ONLY'],
    ['JANE DOE', 'John Smith', 'NONE'],
  ])('%s ~ %s: %s', (payer, customer, kind) => {
    expect(compare(payer, customer).kind).toBe(kind);
  });

  it.each([
    ['JSMITH', 'John Smith'],
    ['JOHNSMITH', 'John Smith'],
    ['BILLJONES', 'William Jones'],
    ['SMITHJ', 'John Smith'],
  ])('reads the handle %s as %s', (handle, customer) => {
    expect(compare(handle, customer, true).kind).toBe('HANDLE');
  });

  it('ranks the exact name above a nickname, a nickname above an initial, an initial above a relative', () => {
    const scores = ['JOHN SMITH', 'JACK SMITH', 'J SMITH', 'MARY SMITH'].map((payer) => compare(payer, 'John Smith').score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(scores[0]).toBe(1);
  });

  it('does not take an initial in the middle for the given name', () => {
    expect(compare('MARY J SMITH', 'John Smith').kind).toBe('FAMILY');
  });
});

describe('nicknames', () => {
  it('go both ways, and through shared groups only', () => {
    expect(sameGivenName('bill', 'william')).toBe(true);
    expect(sameGivenName('william', 'bill')).toBe(true);
    expect(sameGivenName('liz', 'elizabeth')).toBe(true);
    expect(sameGivenName('chris', 'christina')).toBe(true);
    expect(sameGivenName('christopher', 'christina')).toBe(false);
    expect(sameGivenName('bill', 'robert')).toBe(false);
  });
});
