import { describe, expect, it } from 'vitest';
import { useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/**
 * A form submitted with several mistakes gets every one back at once, each naming the field as
 * the console labels it and saying what to type: no field's code name, no round per error.
 */

const app = useApp();
const ERRORS = 'userErrors { field message code }';

async function mutate(document: string, variables: Record<string, unknown>, token: string | undefined = app.adminToken) {
  const response = await graphql(app.server.url, document, variables, token);
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0] as { userErrors: Array<{ field: string; message: string; code: string }> };
}

const byField = (errors: Array<{ field: string; message: string }>) => Object.fromEntries(errors.map((e) => [e.field, e.message]));

describe('every form answers all of its errors at once, in words', () => {
  it('extension: blank name, bad phone, taken number and bad hours in one answer', async () => {
    const { userErrors } = await mutate(`mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id } ${ERRORS} } }`, {
      input: {
        number: 101,
        employeeName: '  ',
        role: 'Bookings',
        phone: '555-0150',
        workingHours: [
          { day: 'MONDAY', start: '18:00', end: '09:00' },
          { day: 'TUESDAY', start: '9am', end: '17:00' },
        ],
      },
    });
    expect(byField(userErrors)).toEqual({
      number: 'Number: extension 101 already exists; choose another number.',
      employeeName: 'Employee name: enter the name of the person who answers this extension, for example Maria Lopez.',
      phone: 'Phone: enter the phone number with country code, for example +1 916 555 0100.',
      'workingHours.0.end': 'Monday: the end time 09:00 must be after the start time 18:00.',
      'workingHours.1.start': 'Tuesday: enter the start time as HH:MM on a 24-hour clock, for example 09:00 (not "9am").',
    });
  });

  it('extension: a phone typed with spaces and punctuation is accepted and stored in international form', async () => {
    const response = await mutate(`mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { phone } ${ERRORS} } }`, {
      input: { number: 150, employeeName: 'Maria Lopez', role: 'Bookings', phone: '+1 (916) 555-0100' },
    });
    expect(response).toEqual({ extension: { phone: '+19165550100' }, userErrors: [] });
  });

  it('extension edit: a bad number and a bad role together', async () => {
    const list = await graphql(app.server.url, `{ extensions(first: 1) { edges { node { id } } } }`, {}, app.adminToken);
    const id = list.data!.extensions.edges[0].node.id;
    const { userErrors } = await mutate(`mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { extension { id } ${ERRORS} } }`, {
      input: { id, number: 0, role: 'x'.repeat(101) },
    });
    expect(byField(userErrors)).toEqual({
      number: 'Number: enter the extension number as digits from 1 to 99999, for example 101.',
      role: 'Role: use at most 100 characters.',
    });
  });

  it('new booking: customer name, phone, past date, bad start time and no guests in one answer', async () => {
    const { userErrors } = await mutate(`mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } ${ERRORS} } }`, {
      input: {
        customer: { name: ' ', phone: '12' },
        sourceChannel: 'PHONE',
        eventDate: '2020-01-01',
        startTime: '25:00',
        address: '123 Main St, Sacramento, CA 95814',
        adults: 0,
        kids: 0,
      },
    });
    expect(byField(userErrors)).toEqual({
      'customer.name': 'Customer name: enter the name of the person booking, for example Dana Smith.',
      'customer.phone': 'Phone: enter a phone number such as (916) 555-0100.',
      eventDate: 'Event date has passed; choose today or a later day.',
      startTime: 'Start time: enter a time such as 18:00.',
      adults: 'Adults and kids add up to no guests; enter at least 1 adult.',
    });
  });

  it('booking edit: a bad start time, negative adults and a past date together', async () => {
    const created = await mutate(`mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } ${ERRORS} } }`, {
      input: {
        customer: { name: 'Dana Smith', phone: '(916) 555-0142' },
        sourceChannel: 'PHONE',
        eventDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '123 Main St, Sacramento, CA 95814',
        adults: 10,
      },
    });
    expect(created.userErrors).toEqual([]);
    const id = (created as unknown as { booking: { id: string } }).booking.id;
    const { userErrors } = await mutate(`mutation($input: UpdateBookingInput!) { updateBooking(input: $input) { booking { id } ${ERRORS} } }`, {
      input: { id, startTime: '25:00', adults: -1, eventDate: '2020-01-01' },
    });
    expect(byField(userErrors)).toEqual({
      startTime: 'Start time: enter a time such as 18:00.',
      adults: 'Adults: enter 0 or more.',
      eventDate: 'Event date has passed; choose today or a later day.',
    });
  });

  it('terms: a missing title and a missing text together', async () => {
    const { userErrors } = await mutate(`mutation($input: PublishTermsVersionInput!) { publishTermsVersion(input: $input) { termsVersion { id } ${ERRORS} } }`, {
      input: { title: ' ', text: ' ' },
    });
    expect(byField(userErrors)).toEqual({
      title: 'Title: enter what customers see above the text, for example Booking terms and conditions.',
      text: 'Text: paste or type the full terms the customer accepts.',
    });
  });

  it('sign-in: a malformed email and an empty password together', async () => {
    const { userErrors } = await mutate(`mutation($input: LoginInput!) { login(input: $input) { token ${ERRORS} } }`, { input: { email: 'not-an-email', password: '' } }, undefined);
    expect(byField(userErrors)).toEqual({
      email: 'Email: enter the email address you sign in with, for example name@example.com.',
      password: 'Password: enter your password.',
    });
  });

  it('travel calculator: a blank address in words', async () => {
    const { userErrors } = await mutate(`mutation($input: QuoteTravelInput!) { quoteTravel(input: $input) { ${ERRORS} } }`, { input: { address: '  ', eventDate: 'x'.repeat(11) } });
    expect(byField(userErrors)).toEqual({
      address: 'Event address: enter a street, city and state, or a ZIP code, for example 1200 K St, Sacramento, CA.',
      eventDate: 'Event date: enter a date such as 2026-07-04.',
    });
  });
});
