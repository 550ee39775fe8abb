import type { CalendarDate, Weekday } from './calendar';
import { addDays, compareDates, formatIsoDate, isValidDate, nextDayOfMonth, nextMonthDay, nthWeekdayOfMonth, weekdayOf } from './calendar';
import { type Mention, roleAt } from './mentions';

/**
 * Event dates in a normalised (lower-case, digits) message, resolved against today in the
 * business time zone: "Dec 20th", "12/20", "12/20/2026", "20 December", "the 20th",
 * "next Saturday", "this Friday", "tomorrow", "Christmas Eve".
 */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, Weekday> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4,
  thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};

const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?`;
const FULL_WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const ANY_WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun)';
const WEEKDAY_PREFIX = String.raw`(?:(${ANY_WEEKDAY})\.?,?\s+(?:the\s+)?)?`;
const ORD = '(?:st|nd|rd|th)?';
const YEAR = String.raw`(?:,?\s+(\d{4}))?`;
/** A number followed by one of these is a time, a count or an amount, not a day. */
const NOT_A_DAY_AFTER = String.raw`(?!\s*(?::\d|am\b|pm\b|a\.m|p\.m|people|persons|guests|adults|kids|ppl|pax|hours|hrs|minutes|min\b|o'clock|%))`;

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const MONTH_DAY = new RegExp(String.raw`\b${WEEKDAY_PREFIX}${MONTH}\s+(\d{1,2})${ORD}\b${NOT_A_DAY_AFTER}${YEAR}`, 'g');
const DAY_MONTH = new RegExp(String.raw`\b${WEEKDAY_PREFIX}(\d{1,2})${ORD}\s+(?:of\s+)?${MONTH}(?![a-z])${YEAR}`, 'g');
const NUMERIC = new RegExp(String.raw`\b${WEEKDAY_PREFIX}(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])`, 'g');
const NUMERIC_WITH_YEAR = /\b(\d{1,2})[.-](\d{1,2})[.-](\d{4})\b/g;
const WEEKDAY_THE_DAY = new RegExp(String.raw`\b(${ANY_WEEKDAY})\.?,?\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b`, 'g');
const THE_DAY = /\b(?:on\s+|for\s+)?the\s+(\d{1,2})(st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|birthday|bday|anniversary|time|floor|grade|year|place|row|street|st\b|avenue|ave\b))/g;
const ON_DAY = /\bon\s+(\d{1,2})(st|nd|rd|th)\b(?!\s+(?:birthday|bday|anniversary))/g;
const RELATIVE_WEEKDAY = new RegExp(String.raw`\b(next|this coming|this|coming)\s+(${ANY_WEEKDAY})\b`, 'g');
/** "a Sunday", "every Friday" are any such day, not a date. */
const BARE_WEEKDAY = new RegExp(String.raw`(?<!\b(?:a|any|every|each|some|other|weekdays? like)\s)\b(${FULL_WEEKDAY})(?:'s)?\b`, 'g');
const LAST_WEEKDAY = new RegExp(String.raw`\blast\s+(${ANY_WEEKDAY})\b`, 'g');
const NTH_WEEKDAY_OF_MONTH = new RegExp(String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(${FULL_WEEKDAY})\s+(?:in|of)\s+${MONTH}`, 'g');
const RELATIVE_DAY = /\b(day after tomorrow|tomorrow|today|tonight|a week from today|a week from tomorrow)(?:'s)?\b/g;
const IN_DAYS = /\bin\s+(\d{1,2})\s+(days?|weeks?)\b|\b(\d{1,2})\s+(days?|weeks?)\s+from\s+(?:today|now)\b/g;
/** A date given as an example ("holidays like NYE") is not the event's date. */
const EXAMPLE_BEFORE = /\b(?:such as|e\.g\.?|for example|(?:holidays?|days?|dates?|weekends?|nights?) like)\s*$/;

interface Holiday {
  pattern: RegExp;
  dateIn: (year: number) => CalendarDate;
}

const HOLIDAYS: Holiday[] = [
  { pattern: /\bchristmas eve\b/g, dateIn: (year) => ({ year, month: 12, day: 24 }) },
  { pattern: /\bchristmas(?: day)?\b|\bxmas\b/g, dateIn: (year) => ({ year, month: 12, day: 25 }) },
  { pattern: /\bnew year'?s eve\b|\bnye\b/g, dateIn: (year) => ({ year, month: 12, day: 31 }) },
  { pattern: /\bnew year'?s(?: day)?\b/g, dateIn: (year) => ({ year, month: 1, day: 1 }) },
  { pattern: /\bvalentine'?s(?: day)?\b/g, dateIn: (year) => ({ year, month: 2, day: 14 }) },
  { pattern: /\b(?:fourth|4th) of july\b|\bjuly 4th\b|\bindependence day\b/g, dateIn: (year) => ({ year, month: 7, day: 4 }) },
  { pattern: /\bhalloween\b/g, dateIn: (year) => ({ year, month: 10, day: 31 }) },
  { pattern: /\bthanksgiving\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 11, 4, 4) },
  { pattern: /\bmemorial day\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 5, 1, -1) },
  { pattern: /\blabou?r day\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 9, 1, 1) },
  { pattern: /\bmother'?s day\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 5, 0, 2) },
  { pattern: /\bfather'?s day\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 6, 0, 3) },
];

type DateMention = Mention<string>;

/** Days from today to the next `weekday` strictly after today (1..7). */
function daysUntil(today: CalendarDate, weekday: Weekday): number {
  return ((weekday - weekdayOf(today) + 7) % 7) || 7;
}

/** Days back from today to the last `weekday` strictly before today (1..7). */
function daysSince(today: CalendarDate, weekday: Weekday): number {
  return ((weekdayOf(today) - weekday + 7) % 7) || 7;
}

/** Monday-based position in the week, so that Sunday ends the week it belongs to. */
function weekPosition(weekday: Weekday): number {
  return (weekday + 6) % 7;
}

/**
 * "next Friday": the Friday of next week when this week's Friday is still ahead ("next" then
 * means "not this one"), otherwise the coming one. People disagree on this, hence the lower
 * confidence in that case.
 */
function nextWeekday(today: CalendarDate, weekday: Weekday): { date: CalendarDate; confidence: number } {
  const days = daysUntil(today, weekday);
  const stillThisWeek = days < 7 && weekPosition(weekday) > weekPosition(weekdayOf(today));
  return stillThisWeek ? { date: addDays(today, days + 7), confidence: 0.75 } : { date: addDays(today, days), confidence: 0.9 };
}

function withYear(month: number, day: number, year: string | undefined, today: CalendarDate): { date: CalendarDate; confidence: number } | null {
  if (year) {
    const fullYear = year.length === 2 ? 2000 + Number(year) : Number(year);
    return isValidDate(fullYear, month, day) ? { date: { year: fullYear, month, day }, confidence: 0.95 } : null;
  }
  const date = nextMonthDay(month, day, today);
  return date ? { date, confidence: 0.93 } : null;
}

/** A stated weekday that does not fall on the stated date means one of them is wrong. */
function weekdayAgreement(weekday: string | undefined, date: CalendarDate): number {
  if (!weekday) return 1;
  return WEEKDAYS[weekday] === weekdayOf(date) ? 1 : 0.7;
}

export function findDateMentions(text: string, today: CalendarDate): DateMention[] {
  const mentions: DateMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const add = (match: RegExpMatchArray, date: CalendarDate | null, confidence: number) => {
    const start = match.index!;
    const end = start + match[0].length;
    if (!date || taken.slice(start, end).some(Boolean)) return;
    taken.fill(true, start, end);
    if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return;
    mentions.push({ value: formatIsoDate(date), confidence, start, end, role: roleAt(text, { start, end }) });
  };

  for (const m of text.matchAll(NTH_WEEKDAY_OF_MONTH)) {
    const n = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1 }[m[1]] ?? 1;
    const inYear = (year: number) => nthWeekdayOfMonth(year, MONTHS[m[3]], WEEKDAYS[m[2]], n);
    const thisYear = inYear(today.year);
    add(m, compareDates(thisYear, today) >= 0 ? thisYear : inYear(today.year + 1), 0.9);
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    add(m, isValidDate(year, month, day) ? { year, month, day } : null, 0.95);
  }
  for (const m of text.matchAll(NUMERIC_WITH_YEAR)) {
    const resolved = withYear(Number(m[1]), Number(m[2]), m[3], today);
    add(m, resolved?.date ?? null, 0.9);
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const resolved = withYear(MONTHS[m[2]], Number(m[3]), m[4], today);
    if (resolved) add(m, resolved.date, resolved.confidence * weekdayAgreement(m[1], resolved.date));
  }
  for (const m of text.matchAll(DAY_MONTH)) {
    const resolved = withYear(MONTHS[m[3]], Number(m[2]), m[4], today);
    if (resolved) add(m, resolved.date, resolved.confidence * weekdayAgreement(m[1], resolved.date));
  }
  for (const m of text.matchAll(NUMERIC)) {
    if (m[0].trim() === '24/7') continue;
    let [month, day] = [Number(m[2]), Number(m[3])];
    let confidence = 0.9;
    if (month > 12 && day <= 12) {
      [month, day] = [day, month]; // day/month, as most of the world writes it
      confidence = 0.85;
    }
    const resolved = withYear(month, day, m[4], today);
    if (resolved) add(m, resolved.date, Math.min(confidence, resolved.confidence) * weekdayAgreement(m[1], resolved.date));
  }
  for (const holiday of HOLIDAYS) {
    for (const m of text.matchAll(holiday.pattern)) {
      const thisYear = holiday.dateIn(today.year);
      const date = formatIsoDate(thisYear) >= formatIsoDate(today) ? thisYear : holiday.dateIn(today.year + 1);
      add(m, date, 0.9);
    }
  }
  for (const m of text.matchAll(WEEKDAY_THE_DAY)) {
    const weekday = WEEKDAYS[m[1]];
    const date = nextDayOfMonth(Number(m[2]), today, weekday) ?? nextDayOfMonth(Number(m[2]), today);
    add(m, date, 0.9);
  }
  for (const m of text.matchAll(IN_DAYS)) {
    const [count, unit] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
    const days = Number(count) * (unit.startsWith('week') ? 7 : 1);
    add(m, addDays(today, days), 0.8);
  }
  for (const m of text.matchAll(RELATIVE_DAY)) {
    const offset = { 'day after tomorrow': 2, tomorrow: 1, today: 0, tonight: 0, 'a week from today': 7, 'a week from tomorrow': 8 }[m[1]] ?? 0;
    add(m, addDays(today, offset), 0.95);
  }
  for (const m of text.matchAll(RELATIVE_WEEKDAY)) {
    const weekday = WEEKDAYS[m[2]];
    if (m[1] === 'next') {
      const { date, confidence } = nextWeekday(today, weekday);
      add(m, date, confidence);
    } else {
      add(m, addDays(today, daysUntil(today, weekday)), 0.9);
    }
  }
  // "last Saturday" is in the past: the date of an event that already happened.
  for (const m of text.matchAll(LAST_WEEKDAY)) add(m, addDays(today, -daysSince(today, WEEKDAYS[m[1]])), 0.85);
  for (const m of text.matchAll(BARE_WEEKDAY)) add(m, addDays(today, daysUntil(today, WEEKDAYS[m[1]])), 0.85);
  for (const pattern of [THE_DAY, ON_DAY]) {
    for (const m of text.matchAll(pattern)) add(m, nextDayOfMonth(Number(m[1]), today), 0.85);
  }
  return mentions.sort((a, b) => a.start - b.start);
}
