/**
 * The placeholders a canned reply may hold, filled from the thread's customer and booking when
 * staff pick the reply. Pure functions, table-tested beside this file. A placeholder is a dotted
 * name in braces, e.g. {customer.firstName}; any other braces are plain text.
 */
export const PLACEHOLDERS = {
  'customer.firstName': 'the customer’s first name',
  'customer.name': 'the customer’s full name',
  'customer.phone': 'the customer’s phone number',
  'customer.email': 'the customer’s email',
  'booking.date': 'the event day, e.g. Sunday, December 20',
  'booking.time': 'the start time, e.g. 6:00 PM',
  'booking.guests': 'the number of guests',
  'booking.address': 'the event address',
  'booking.deposit': 'the deposit, e.g. $100',
  'booking.total': 'the booking’s total price',
  'booking.balance': 'what is left to pay',
  'business.name': 'the business name',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Partial<Record<Placeholder, string | null>>;

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+)\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return Object.prototype.hasOwnProperty.call(PLACEHOLDERS, name);
}

/** Every placeholder-shaped name in the text, once each, in order. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** The names in braces that are not placeholders we can fill: refused when a canned reply is saved. */
export function unknownPlaceholders(text: string): string[] {
  return placeholderNames(text).filter((name) => !isPlaceholder(name));
}

/** Known placeholders still in the text: a reply holding one is not sent (the customer would read the braces). */
export function unfilledPlaceholders(text: string): Placeholder[] {
  return placeholderNames(text).filter(isPlaceholder);
}

/**
 * The text with each placeholder that has a value in this thread replaced; those without one
 * stay in braces and are listed in `unfilled`, for staff to type before sending.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): { text: string; unfilled: Placeholder[] } {
  const unfilled = new Set<Placeholder>();
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isPlaceholder(name)) return whole;
    const value = values[name]?.trim();
    if (!value) {
      unfilled.add(name);
      return whole;
    }
    return value;
  });
  return { text: filled, unfilled: [...unfilled] };
}
