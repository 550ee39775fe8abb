import { describe, expect, it } from 'vitest';
import { chooseVariant, contactPhrase, DEFAULT_TEMPLATES, fillTemplate, firstNameOf, type ReplyFacts } from './reply-templates';
import { MAX_REPLY_CHARS } from './review-source.port';

const facts: ReplyFacts = {
  reviewerName: 'jane doe',
  praised: ['food', 'show'],
  raised: [],
  eventDate: null,
  businessName: 'Hibachi at Home',
  businessPhone: '+1 555 555 0100',
  businessEmail: 'hello@example.test',
  offerPercent: 10,
};

describe('chooseVariant', () => {
  it('never picks the variant used last, over many picks', () => {
    let last: number | null = null;
    for (let i = 0; i < 200; i++) {
      const next = chooseVariant(3, last);
      expect(next).not.toBe(last);
      expect(next).toBeGreaterThanOrEqual(0);
      expect(next).toBeLessThan(3);
      last = next;
    }
  });

  it('reaches every other variant', () => {
    expect(chooseVariant(3, 1, () => 0)).toBe(0);
    expect(chooseVariant(3, 1, () => 0.99)).toBe(2);
    expect(chooseVariant(2, 0, () => 0.5)).toBe(1);
  });

  it('has only one choice with one variant', () => {
    expect(chooseVariant(1, 0)).toBe(0);
  });
});

describe('fillTemplate', () => {
  it('names the reviewer by first name and what they praised', () => {
    const text = fillTemplate(DEFAULT_TEMPLATES.RATING_5[0], facts);
    expect(text).toMatch(/^Thank you so much, Jane!/);
    expect(text).toContain('the food and the show');
  });

  it('answers a 4-star concern, and leaves no gap without one', () => {
    const late = fillTemplate(DEFAULT_TEMPLATES.RATING_4[0], { ...facts, raised: ['punctuality'] });
    expect(late).toContain('kept you waiting');
    const none = fillTemplate(DEFAULT_TEMPLATES.RATING_4[0], facts);
    expect(none).not.toMatch(/ {2}|\s\./);
  });

  it('asks an unknown reviewer for the date or place of their event, with the business contact', () => {
    const text = fillTemplate(DEFAULT_TEMPLATES.UNDER_3_NO_RECORD[0], { ...facts, praised: [], raised: ['food'] });
    expect(text).toContain('we take every review seriously'.replace(/^w/, 'W'));
    expect(text).toContain('no record of serving you yet');
    expect(text).toContain('date or place of your event');
    expect(text).toContain('+1 555 555 0100');
    expect(text).toContain('hello@example.test');
  });

  it("references a served customer's event and the 10% offer", () => {
    const text = fillTemplate(DEFAULT_TEMPLATES.UNDER_3_CUSTOMER[0], { ...facts, raised: ['punctuality'], eventDate: '2026-03-14' });
    expect(text).toContain('Saturday, March 14');
    expect(text).toContain('10% off your next event');
  });

  it('stays within the source limit', () => {
    expect(fillTemplate('{firstName} '.repeat(2000), facts).length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
  });

  it('every built-in kind has several variants, all different', () => {
    for (const variants of Object.values(DEFAULT_TEMPLATES)) {
      expect(variants.length).toBeGreaterThanOrEqual(3);
      expect(new Set(variants).size).toBe(variants.length);
    }
  });
});

describe('names and contact', () => {
  it.each([
    ['jane doe', 'Jane'],
    ['JANE D.', 'Jane'],
    ['  María  López ', 'María'],
    ['J.', 'there'],
    ['', 'there'],
  ])('%s -> %s', (name, first) => expect(firstNameOf(name)).toBe(first));

  it('says whichever contact is configured', () => {
    expect(contactPhrase('+1 555', null)).toBe('call us at +1 555');
    expect(contactPhrase(null, 'a@b.c')).toBe('email us at a@b.c');
    expect(contactPhrase(null, null)).toMatch(/reply here/);
  });
});
