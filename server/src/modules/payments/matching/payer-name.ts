/**
 * Who paid, read from a bank line. Banks print person-to-person payments in a handful of shapes
 * ("Zelle payment from JOHN A SMITH Conf# 8xk2", "ZELLE FROM JOHN SMITH ON 06/14 REF # BAC0X8",
 * "Zelle Transfer Conf# 4K2J9; SMITH, JOHN", "VENMO *JSMITH", "CASH APP*JANE DOE",
 * "ONLINE TRANSFER FROM JOHN SMITH REF #IB0QWE", "ACH CREDIT JOHN SMITH PPD ID: 123") and cut the
 * name where their field ends (15-18 characters). Lines that are not a customer paying (payouts
 * of card processors, interest, transfers between the business's own accounts, merchant
 * refunds) are recognised so that they are never matched to a booking.
 */
export type PaymentVia = 'ZELLE' | 'VENMO' | 'CASH_APP' | 'TRANSFER' | 'CHECK' | 'PAYOUT' | 'INTEREST' | 'OWN_TRANSFER' | 'REFUND' | 'OTHER';

export interface PayerName {
  /** The payer's name as the bank printed it, memo and codes removed, "LAST, FIRST" turned around; null when the line names nobody. */
  name: string | null;
  via: PaymentVia;
  /** The name is a Venmo or Cash App handle ("JSMITH", "JOHN-SMITH-12"), not a name with spaces. */
  handle: boolean;
}

/** Lines that are money in but not a customer paying for a booking. */
export const NOT_A_CUSTOMER: ReadonlySet<PaymentVia> = new Set(['PAYOUT', 'INTEREST', 'OWN_TRANSFER', 'REFUND']);

/** Counterparty names a feed gives for the app or processor rather than the person. */
const PLATFORMS = /^(venmo|cash ?app|square( inc| cash)?|zelle|paypal|stripe|chase|bank of america|wells fargo|citi(bank)?|capital one|us bank|apple cash|google pay)\b/i;

const NOT_CUSTOMER_LINES: Array<[RegExp, PaymentVia]> = [
  [/\binterest\b/i, 'INTEREST'],
  [/\b(venmo|cash ?app)\b.*\bcash ?out\b/i, 'PAYOUT'],
  [/\b(stripe|square inc|sq \*?payout|paypal transfer|shopify|toast|doordash|uber|grubhub|payroll|gusto)\b/i, 'PAYOUT'],
  [/\btransfer (from|to) (sav|savings|chk|checking|acct|account)\b|\bfrom (sav|chk) \.{0,3}\d{4}\b|x{4,}\d{4}/i, 'OWN_TRANSFER'],
  [/\b(refund|return|credit memo|tax ref|reversal|rebate|cashback|cash back)\b/i, 'REFUND'],
];

/** Where the name sits, for each shape of line. The first group is the name and what follows it. */
const NAME_PATTERNS: Array<[RegExp, PaymentVia]> = [
  [/\bzelle\b.*?\bconf(?:irmation)?\s*#?\s*[a-z0-9]+\s*;\s*(.+)$/i, 'ZELLE'],
  [/\bzelle\b(?:\s+(?:payment|transfer|credit|deposit))?\s+from\s+(.+)$/i, 'ZELLE'],
  [/\bvenmo\s*\*\s*(.+)$/i, 'VENMO'],
  [/\bvenmo\b(?:\s+payment)?(?:\s+\d+)?\s+from\s+(.+)$/i, 'VENMO'],
  [/\bcash\s*app\s*\*\s*([^*]+)/i, 'CASH_APP'],
  [/\bsq\s*c\s*\*\s*(.+)$/i, 'CASH_APP'],
  [/\b(?:online |mobile |wire |ach |external |real ?time )*transfer from\s+(.+)$/i, 'TRANSFER'],
  [/\bach (?:credit|deposit)\s+(.+?)(?:\s+ppd\b.*)?$/i, 'TRANSFER'],
  [/\bdeposit from\s+(.+)$/i, 'TRANSFER'],
];

/** Words that end a name: the memo or the bank's own words after it. */
const AFTER_NAME = new Set([
  'on', 'conf', 'confirmation', 'ref', 'reference', 'memo', 'for', 'hibachi', 'dinner', 'party', 'deposit', 'balance', 'payment',
  'pmt', 'thanks', 'thank', 'thx', 'event', 'chef', 'ppd', 'ccd', 'web', 'id', 'trace', 'ach', 'via', 'invoice', 'inv', 'booking',
]);
/** Salutations and suffixes dropped from names. */
const NOISE = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'jr', 'sr', 'ii', 'iii', 'iv']);

export function normalisePayerName(description: string, counterpartyName: string | null): PayerName {
  const text = description.replace(/\s+/g, ' ').trim();
  const via = viaOf(text);
  if (NOT_A_CUSTOMER.has(via)) return { name: null, via, handle: false };
  const counterparty = counterpartyName?.trim();
  if (counterparty && !PLATFORMS.test(counterparty) && /[a-z]{2}/i.test(counterparty)) {
    const name = cleanName(counterparty);
    if (name) return { name, via, handle: false };
  }
  for (const [pattern, patternVia] of NAME_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = cleanName(match[1]);
    const payerVia = via === 'OTHER' ? patternVia : via;
    if (name) return { name, via: payerVia, handle: !name.includes(' ') && (payerVia === 'VENMO' || payerVia === 'CASH_APP') };
  }
  return { name: null, via, handle: false };
}

function viaOf(text: string): PaymentVia {
  for (const [pattern, via] of NOT_CUSTOMER_LINES) if (pattern.test(text)) return via;
  if (/\bzelle\b/i.test(text)) return 'ZELLE';
  if (/\bvenmo\b/i.test(text)) return 'VENMO';
  if (/\bcash\s*app\b|\bsq\s*c\s*\*/i.test(text)) return 'CASH_APP';
  if (/\bmobile deposit\b|\bcheck\b|\bchk dep/i.test(text)) return 'CHECK';
  if (/\btransfer\b|\bach\b|\bwire\b/i.test(text)) return 'TRANSFER';
  return 'OTHER';
}

/**
 * The name out of what follows "from": stops at the first memo word, code, date, number or
 * reference; drops a trailing confirmation code; turns "SMITH, JOHN" around.
 */
function cleanName(raw: string): string | null {
  let text = raw.replace(/\bHB[-\s]?[0-9a-f]{6}\b/gi, ' ').trim();
  // "SMITH, JOHN A" (the surname first, as some banks print it) becomes "JOHN A SMITH"; what follows stays.
  let reversed = false;
  const comma = /^([A-Za-z'-]+(?: [A-Za-z'-]+)?),\s*([A-Za-z'-]+(?: [A-Za-z]\b\.?)?)(.*)$/.exec(text);
  if (comma) {
    text = `${comma[2]} ${comma[1]}${comma[3]}`;
    reversed = true;
  }
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    // An app handle's number ("JOHN-SMITH-12", "jsmith_7") is not part of the name.
    const bare = word.replace(/[.,;:]+$/, '').replace(/^([A-Za-z][A-Za-z_'-]{2,}?)[-_]?\d{1,4}$/, '$1').replace(/_/g, '-');
    if (bare === '') continue;
    if (/[0-9#@$/]/.test(bare)) break;
    if (AFTER_NAME.has(bare.toLowerCase())) break;
    if (!/^[A-Za-z][A-Za-z'’.-]*$/.test(bare)) break;
    if (NOISE.has(bare.toLowerCase().replace(/\./g, ''))) continue;
    words.push(bare.replace(/\.$/, ''));
  }
  // A trailing all-capitals code without enough vowels to be a name ("JL28Q2" is caught above; "KVBHFWQT" here).
  while (words.length > 1 && !reversed && isCode(words.at(-1)!)) words.pop();
  const name = words.join(' ').trim();
  return /[A-Za-z]{2}/.test(name) || /^[A-Za-z]( [A-Za-z]+)+$/.test(name) ? name : null;
}

function isCode(word: string): boolean {
  if (word.length < 7 || word !== word.toUpperCase()) return false;
  const vowels = word.replace(/[^AEIOUY]/g, '').length;
  return vowels === 0 || (word.length >= 9 && vowels / word.length < 0.2);
}

/** What the memo says beyond the name: a booking reference ("HB-1A2B3C") and phone numbers (ten digits, US). */
export interface MemoClues {
  references: string[];
  phones: string[];
}

export function readMemo(description: string): MemoClues {
  const references = [...description.matchAll(/\bHB[-\s]?([0-9a-f]{6})\b/gi)].map((match) => `HB-${match[1].toUpperCase()}`);
  const phones: string[] = [];
  for (const match of description.matchAll(/(?:\+?1[\s.-]?)?\(?(\d{3})\)?[\s.-]?(\d{3})[\s.-]?(\d{4})\b/g)) {
    // Only numbers written as a phone is (not ten digits inside a longer run of a confirmation code).
    const before = description[match.index - 1];
    if (before && /[0-9a-z]/i.test(before)) continue;
    // Nor a bank's trace or company id ("PPD ID: 8053213980", "REF # 9165550134").
    if (/\b(id|ref|conf|trace|no)\b\W*$/i.test(description.slice(Math.max(0, match.index - 8), match.index))) continue;
    phones.push(`${match[1]}${match[2]}${match[3]}`);
  }
  return { references, phones };
}
