import { describe, expect, it } from 'vitest';
import { fillPlaceholders, placeholderNames, unfilledPlaceholders, unknownPlaceholders } from './placeholders';

describe('canned reply placeholders', () => {
  it.each([
    ['Hi {customer.firstName}!', ['customer.firstName']],
    ['{booking.date} at {booking.time}, {booking.date}', ['booking.date', 'booking.time']],
    ['a {plain} brace, {} and { spaced.name }', []],
    ['{booking.colour}', ['booking.colour']],
  ])('finds the placeholders in %j', (text, names) => {
    expect(placeholderNames(text)).toEqual(names);
  });

  it('tells unknown placeholders from known ones', () => {
    expect(unknownPlaceholders('Hi {customer.firstName}, {booking.colour} {Customer.FirstName}')).toEqual(['booking.colour', 'Customer.FirstName']);
    expect(unfilledPlaceholders('Deposit {booking.deposit} by {booking.colour}')).toEqual(['booking.deposit']);
  });

  it.each([
    [{ 'customer.firstName': 'Dana', 'booking.deposit': '$100' }, 'Hi Dana, the deposit is $100.', []],
    [{ 'customer.firstName': 'Dana', 'booking.deposit': null }, 'Hi Dana, the deposit is {booking.deposit}.', ['booking.deposit']],
    [{ 'customer.firstName': '  ' }, 'Hi {customer.firstName}, the deposit is {booking.deposit}.', ['customer.firstName', 'booking.deposit']],
  ])('fills %j', (values, text, unfilled) => {
    expect(fillPlaceholders('Hi {customer.firstName}, the deposit is {booking.deposit}.', values)).toEqual({ text, unfilled });
  });

  it('leaves braces that are not placeholders as they are', () => {
    expect(fillPlaceholders('Use code {SAVE10} or {x.y}', {})).toEqual({ text: 'Use code {SAVE10} or {x.y}', unfilled: [] });
  });
});
