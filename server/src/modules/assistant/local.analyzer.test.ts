import { describe, expect, it } from 'vitest';
import type { AnalysisContext, BookingDetails } from './assistant.port';
import { analyzeMessage, LocalMessageAnalyzer } from './local.analyzer';

// Saturday 21 November 2026, 10:00 in New York.
const CONTEXT: AnalysisContext = { now: new Date('2026-11-21T15:00:00Z'), timeZone: 'America/New_York' };
const THRESHOLD = 0.75; // AI_BOOKING_CONFIDENCE_THRESHOLD: below it the assistant asks again

const analyze = (text: string, context = CONTEXT) => analyzeMessage(text, context);
const values = (details: BookingDetails) => Object.fromEntries(Object.entries(details).map(([key, found]) => [key, found.value]));

describe('LocalMessageAnalyzer', () => {
  it('implements the port and reads a complete booking request', async () => {
    const analyzer = new LocalMessageAnalyzer();
    expect(analyzer.name).toBe('local');
    const analysis = await analyzer.analyze(
      "Hi, I'm Dana Reyes. Party of 8 adults and 4 kids on Dec 20th at 6pm, 123 Main St, Springfield, IL 62704. " +
        'Call me at (555) 555-0123 or dana@example.com. No shellfish please!',
      CONTEXT,
    );
    expect(analysis.intent).toBe('NEW_BOOKING');
    expect(values(analysis.details)).toEqual({
      partySize: 12,
      eventDate: '2026-12-20',
      startTime: '18:00',
      address: '123 Main St, Springfield, IL 62704',
      name: 'Dana Reyes',
      phone: '+15555550123',
      email: 'dana@example.com',
      dietaryNotes: 'no shellfish',
    });
    for (const found of Object.values(analysis.details)) expect(found.confidence).toBeGreaterThanOrEqual(THRESHOLD);
    expect(analysis.faqTopic).toBeUndefined();
    expect(analysis.confirmation).toBeUndefined();
  });

  it.each([
    { text: 'Dec 20th', date: '2026-12-20' },
    { text: 'December 20', date: '2026-12-20' },
    { text: '12/20', date: '2026-12-20' },
    { text: '12/20/2026', date: '2026-12-20' },
    { text: 'next Saturday', date: '2026-11-28' },
    { text: 'this Friday', date: '2026-11-27' },
    { text: 'tomorrow', date: '2026-11-22' },
    { text: 'the 20th', date: '2026-12-20' },
    { text: 'Nov 14', date: '2027-11-14' }, // already past this year
  ])('resolves "$text" to $date', ({ text, date }) => {
    expect(analyze(`Book us for ${text} please`).details.eventDate?.value).toBe(date);
  });

  it('counts relative dates from the day in the business time zone, not in UTC', () => {
    // 23:30 on Saturday in New York is already Sunday in UTC.
    const lateSaturday = { now: new Date('2026-11-22T04:30:00Z'), timeZone: 'America/New_York' };
    expect(analyze('hibachi tomorrow for 10', lateSaturday).details.eventDate?.value).toBe('2026-11-22');
  });

  it.each([
    { text: '6pm', time: '18:00' },
    { text: '6:30 pm', time: '18:30' },
    { text: '18:30', time: '18:30' },
    { text: 'at 6', time: '18:00' },
    { text: 'noon', time: '12:00' },
  ])('reads the time "$text" as $time', ({ text, time }) => {
    expect(analyze(`Dinner for 10 on Dec 20, start ${text}`).details.startTime?.value).toBe(time);
  });

  it.each([
    { text: '20 people', size: 20 },
    { text: 'for twelve', size: 12 },
    { text: 'party of 8 adults and 4 kids', size: 12 },
    { text: '15 guests', size: 15 },
    { text: 'forty-five guests', size: 45 },
  ])('reads the party size "$text" as $size', ({ text, size }) => {
    expect(analyze(`Book a chef ${text} on Dec 20`).details.partySize?.value).toBe(size);
  });

  it('does not read dates, times, phone numbers, prices or street numbers as party sizes', () => {
    const analysis = analyze('Book Dec 20 at 7pm, 45 Oak Avenue, $60 per person is fine, call 919-555-0142');
    expect(analysis.details.partySize).toBeUndefined();
    expect(values(analysis.details)).toMatchObject({ eventDate: '2026-12-20', startTime: '19:00', address: '45 Oak Avenue', phone: '+19195550142' });
  });

  it.each([
    { text: 'speak to a human', intent: 'HUMAN_REQUEST' },
    { text: 'this isn\'t working, I need a person', intent: 'HUMAN_REQUEST' },
    { text: 'pls cancel our reservaton', intent: 'CANCEL_BOOKING' },
    { text: 'can we move the party to 7pm', intent: 'MODIFY_BOOKING' },
    { text: 'bokking for 10 ppl tmrw 🎉', intent: 'NEW_BOOKING' },
    { text: 'how much for 20 people?', intent: 'PRICING' },
    { text: 'Do you come to Raleigh?', intent: 'GENERAL_QUESTION' },
    // Mixed: the most pressing intent wins.
    { text: 'Cancel my booking, this is ridiculous, I want a manager', intent: 'HUMAN_REQUEST' },
    { text: 'I want to book for Dec 20, how much is it?', intent: 'NEW_BOOKING' },
  ])('$text -> $intent', ({ text, intent }) => {
    const analysis = analyze(text);
    expect(analysis.intent).toBe(intent);
    expect(analysis.intentConfidence).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it.each([
    { text: 'Is there a minimum spend?', intent: 'PRICING', topic: 'MINIMUM_SPEND' },
    { text: 'do you come to Cary?', intent: 'GENERAL_QUESTION', topic: 'SERVICE_AREA' },
    { text: 'Do you have vegetarian options?', intent: 'GENERAL_QUESTION', topic: 'VEGETARIAN_OPTIONS' },
    { text: "What's included?", intent: 'GENERAL_QUESTION', topic: 'WHATS_INCLUDED' },
  ])('answers the FAQ "$text" with $topic', ({ text, intent, topic }) => {
    expect(analyze(text)).toMatchObject({ intent, faqTopic: topic });
  });

  it.each([
    { text: 'yes', confirmation: 'YES' },
    { text: 'Yep 👍', confirmation: 'YES' },
    { text: "that's right", confirmation: 'YES' },
    { text: 'nope', confirmation: 'NO' },
    { text: "no, that's wrong", confirmation: 'NO' },
  ])('reads "$text" as $confirmation without starting a new booking', ({ text, confirmation }) => {
    expect(analyze(text)).toMatchObject({ intent: 'GENERAL_QUESTION', confirmation });
  });

  it('scores strong anger low enough to escalate, and a friendly booking above zero', () => {
    expect(analyze('this is ridiculous, worst service ever').sentiment).toBeLessThanOrEqual(-0.6);
    expect(analyze('Thank you so much, the kids loved it! 😍').sentiment).toBeGreaterThan(0.5);
    expect(analyze('Party of 12 on Dec 20 at 6pm').sentiment).toBe(0);
  });

  it('is unsure of guesses, so the assistant asks again', () => {
    const analysis = analyze('Dec 19 or Dec 20, late, at 11');
    expect(analysis.details.eventDate!.confidence).toBeLessThan(THRESHOLD);
    expect(analysis.details.startTime!.confidence).toBeLessThan(THRESHOLD);
    expect(analyze('hmm').intentConfidence).toBeLessThan(THRESHOLD);
  });

  it('reads Spanish and mixed messages, and says so', () => {
    const booking = analyze('Hola, quiero reservar un chef para el 20 de diciembre, somos 15 personas');
    expect([booking.intent, booking.language]).toEqual(['NEW_BOOKING', 'es']);
    const person = analyze('¿Es un bot? Pásame con una persona');
    expect([person.intent, person.language]).toEqual(['HUMAN_REQUEST', 'es']);
    expect(analyze('¿Cuánto cuesta para 20 personas?').intent).toBe('PRICING');
    expect(analyze('Necesito cancelar mi reserva del sábado').intent).toBe('CANCEL_BOOKING');
    expect(analyze('Hi, I want to book for Dec 20').language).toBe('en');
  });

  it('reads indirect requests for a person, and angry customers below the cut-off', () => {
    for (const text of ['manager?', 'have someone call me', 'is this a bot?? useless', 'stop sending me robot answers']) {
      expect(analyze(text).intent).toBe('HUMAN_REQUEST');
    }
    expect(analyze("Cancel my booking right now. This is the third time I'm asking.").sentiment).toBeLessThanOrEqual(-0.6);
  });

  it('handles an empty message', () => {
    expect(analyze('')).toEqual({ intent: 'GENERAL_QUESTION', intentConfidence: 0.5, details: {}, sentiment: 0, language: 'en' });
  });
});
