import { describe, expect, it } from 'vitest';
import { findAddress } from './address';

describe('findAddress', () => {
  it.each([
    { text: 'The address is 123 Main St, Springfield, IL 62704.', address: '123 Main St, Springfield, IL 62704' },
    { text: 'at 45 Oak Avenue', address: '45 Oak Avenue' },
    { text: 'at 45 Oak Avenue? Thanks', address: '45 Oak Avenue' },
    { text: '500 Commerce Blvd, Suite 200, Durham, NC 27701, at 5', address: '500 Commerce Blvd, Suite 200, Durham, NC 27701' },
    { text: '3 Elm St Apt 4B, Hoboken, NJ 07030. Cell', address: '3 Elm St Apt 4B, Hoboken, NJ 07030' },
    { text: '7 Harbor View Rd, Wilmington NC 28401', address: '7 Harbor View Rd, Wilmington NC 28401' },
    { text: 'book 10 ppl sat 12/5 6pm 77 Pine Rd Cary NC', address: '77 Pine Rd Cary NC' },
    { text: '2450 Willow Creek Pkwy, Austin, TX 78745.', address: '2450 Willow Creek Pkwy, Austin, TX 78745' },
    { text: '1600 Pennsylvania Ave NW, Washington, DC 20500', address: '1600 Pennsylvania Ave NW, Washington, DC 20500' },
    { text: '450 W 5th St, Los Angeles, California 90013', address: '450 W 5th St, Los Angeles, California 90013' },
    { text: 'we are at 19 Birch Lane, Raleigh.', address: '19 Birch Lane, Raleigh' },
    { text: '9 Willow Way, Durham, NC 27705', address: '9 Willow Way, Durham, NC 27705' },
    { text: '12 maple dr please', address: '12 maple dr' },
    { text: '6pm, 123 Main St Sacramento', address: '123 Main St Sacramento' },
    { text: 'at 45 Oak Ave Walnut Creek.', address: '45 Oak Ave Walnut Creek' },
    // a city after a connecting word (left out), in lower case, or with a ZIP and no state
    { text: '123 Main St in Fremont', address: '123 Main St Fremont' },
    { text: 'party at 123 Main St in Fremont on Dec 5', address: '123 Main St Fremont' },
    { text: '55 elm st fremont', address: '55 elm st fremont' },
    { text: '55 elm st fremont ca 94536 at 6', address: '55 elm st fremont ca 94536' },
    { text: 'its 10 Main St san jose, 20 ppl', address: '10 Main St san jose' },
    { text: '4 Oak Ct Apt 2, San Jose 95112', address: '4 Oak Ct Apt 2, San Jose 95112' },
    { text: '9 Lake Dr in Walnut Creek tomorrow', address: '9 Lake Dr Walnut Creek' },
    { text: '123 main st., fremont ca', address: '123 main st., fremont ca' },
  ])('$text -> $address', ({ text, address }) => {
    expect(findAddress(text)?.value).toBe(address);
  });

  it.each([
    '20 people at 6pm',
    'party of 8 adults and 4 kids',
    'there is no way 2 way streets',
    'we are 10 people in the park',
    'Dec 20th, 20 people, starting at 6pm.',
  ])('finds no address in "%s"', (text) => {
    expect(findAddress(text)).toBeUndefined();
  });

  it.each([
    { text: '12 maple dr tomorrow at 6', address: '12 maple dr' },
    { text: '88 Lake St in the backyard', address: '88 Lake St' },
    { text: '900 Oak Ln at Christmas', address: '900 Oak Ln' },
    { text: '55 elm st fremont ok?', address: '55 elm st fremont' },
  ])('takes no ordinary word after the street for a city: $text', ({ text, address }) => {
    expect(findAddress(text)?.value).toBe(address);
  });

  it.each([
    { text: '123 Main St in Fremont', parts: { number: '123', street: 'Main', suffix: 'St', city: 'Fremont' } },
    { text: '4 Oak Ct Apt 2, San Jose 95112', parts: { number: '4', street: 'Oak', suffix: 'Ct', unit: 'Apt 2', city: 'San Jose', zip: '95112' } },
    { text: '6pm, 123 Main St Sacramento', parts: { number: '123', street: 'Main', suffix: 'St', city: 'Sacramento' } },
    {
      text: '450 W 5th St, Los Angeles, California 90013',
      parts: { number: '450', street: 'W 5th', suffix: 'St', city: 'Los Angeles', state: 'CA', zip: '90013' },
    },
    {
      text: '1600 Pennsylvania Ave NW, Washington, DC 20500',
      parts: { number: '1600', street: 'Pennsylvania', suffix: 'Ave', direction: 'NW', city: 'Washington', state: 'DC', zip: '20500' },
    },
    { text: '55 elm st fremont ca 94536', parts: { number: '55', street: 'elm', suffix: 'St', city: 'fremont', state: 'CA', zip: '94536' } },
  ])('keeps the parts apart: $text', ({ text, parts }) => {
    expect(findAddress(text)?.parts).toEqual(parts);
  });

  it('is surer with a city, state or ZIP than with a street alone', () => {
    expect(findAddress('45 Oak Avenue, Cary, NC 27511')!.confidence).toBeGreaterThan(findAddress('45 Oak Avenue')!.confidence);
  });
});
