/**
 * The limits of the fields people fill in, read both by the API's input rules and by the
 * console's inputs (`maxLength`, `min`, `max`), so a form never accepts what the API refuses.
 * Plain values only: the console bundles this file as it is.
 */
export const FORM_LIMITS = {
  extension: {
    number: { min: 1, max: 99999 },
    employeeName: { maxLength: 100 },
    role: { maxLength: 100 },
    /** "+1 (916) 555-0100" as typed, spaces and punctuation included. */
    phone: { maxLength: 25 },
    clockTime: { maxLength: 5 },
  },
  signIn: {
    email: { maxLength: 254 },
    password: { maxLength: 1024 },
  },
  staffUser: {
    email: { maxLength: 254 },
    displayName: { maxLength: 100 },
    password: { minLength: 12, maxLength: 1024 },
  },
  booking: {
    customerName: { maxLength: 120 },
    customerPhone: { maxLength: 30 },
    customerEmail: { maxLength: 254 },
    address: { minLength: 5, maxLength: 300 },
    guests: { min: 0 },
    dietaryNotes: { maxLength: 500 },
    cancelReason: { minLength: 3, maxLength: 500 },
  },
  travel: {
    address: { maxLength: 300 },
  },
  terms: {
    title: { maxLength: 200 },
    text: { maxLength: 100_000 },
    replyText: { maxLength: 2000 },
  },
} as const;
