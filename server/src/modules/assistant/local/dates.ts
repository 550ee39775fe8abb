import * as chrono from 'chrono-node';
import type { CalendarDate, Weekday } from './calendar';
import { addDays, compareDates, formatIsoDate, isValidDate, nextDayOfMonth, nextMonthDay, nthWeekdayOfMonth, weekdayOf } from './calendar';
import { type Mention, roleAt } from './mentions';

/**
 * Event dates in a normalised (lower-case, digits) message, resolved against today in the
 * business time zone: "Dec 20th", "12/20", "12/20/2026", "20 December", "the 20th",
 * "next Saturday", "this Friday", "tomorrow", "Christmas Eve", "el 20 de diciembre", "sábado".
 *
 * chrono-node's English and Spanish parsers find the dates; the business's conventions are
 * laid over what they find: a date without a year is its next occurrence (today included), a
 * bare weekday or "this <weekday>" the next one after today, "next <weekday>" skips the one
 * still ahead in this Monday-Sunday week. What chrono does not read (holidays, "the 20th",
 * "Sunday the 6th", "the first Saturday in January", "last Saturday") is read here first.
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

const WEEKDAY_THE_DAY = new RegExp(String.raw`\b(${ANY_WEEKDAY})\.?,?\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b`, 'g');
const THE_DAY = /\b(?:on\s+|for\s+)?the\s+(\d{1,2})(st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|birthday|bday|anniversary|time|floor|grade|year|place|row|street|st\b|avenue|ave\b))/g;
const ON_DAY = /\bon\s+(\d{1,2})(st|nd|rd|th)\b(?!\s+(?:birthday|bday|anniversary))/g;
const LAST_WEEKDAY = new RegExp(String.raw`\blast\s+(${ANY_WEEKDAY})\b`, 'g');
const NTH_WEEKDAY_OF_MONTH = new RegExp(String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(${FULL_WEEKDAY})\s+(?:in|of)\s+${MONTH}`, 'g');
/** "two weeks from today", "a week from tomorrow": chrono reads the count and "today" apart. */
const FROM_TODAY = /\b(\d{1,2}|a)\s+(days?|weeks?)\s+from\s+(today|now|tomorrow)\b/g;
const DAY_AFTER_TOMORROW = /\b(?:the\s+)?day after tomorrow\b|\bpasado mañana\b/g;
/** A date given as an example ("holidays like NYE") is not the event's date. */
const EXAMPLE_BEFORE = /\b(?:such as|e\.g\.?|for example|(?:holidays?|days?|dates?|weekends?|nights?) like)\s*$/;

interface Holiday {
  pattern: RegExp;
  dateIn: (year: number) => CalendarDate;
}

const HOLIDAYS: Holiday[] = [
  { pattern: /\b(?:christmas|x-?mas) eve\b|\bnochebuena\b/g, dateIn: (year) => ({ year, month: 12, day: 24 }) },
  { pattern: /\bchristmas(?: day)?\b|\bx-?mas\b|\b(?:d[ií]a de )?navidad\b/g, dateIn: (year) => ({ year, month: 12, day: 25 }) },
  { pattern: /\bnew year'?s eve\b|\bnye\b|\bnochevieja\b/g, dateIn: (year) => ({ year, month: 12, day: 31 }) },
  { pattern: /\bnew year'?s(?: day)?\b|\ba[ñn]o nuevo\b/g, dateIn: (year) => ({ year, month: 1, day: 1 }) },
  { pattern: /\bvalentine'?s(?: day)?\b/g, dateIn: (year) => ({ year, month: 2, day: 14 }) },
  { pattern: /\b(?:fourth|4th) of july\b|\bjuly 4th\b|\bindependence day\b/g, dateIn: (year) => ({ year, month: 7, day: 4 }) },
  { pattern: /\bhalloween\b/g, dateIn: (year) => ({ year, month: 10, day: 31 }) },
  { pattern: /\bthanksgiving\b|\bd[ií]a de acci[oó]n de gracias\b/g, dateIn: (year) => nthWeekdayOfMonth(year, 11, 4, 4) },
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

/** chrono's parsers without the time-of-day ones: times are read by ./times, and a date's span must not swallow "at 6". */
function dateOnly(parser: chrono.Chrono): chrono.Chrono {
  const clone = parser.clone();
  // Also without month-only ("in January") and end-of-month readings, which are not an event's day.
  clone.parsers = clone.parsers.filter(
    (p) => !/Time(?:Expression)?Parser$|CasualTimeParser$|MonthNameParser$|EndOfCurrentMonthParser$/.test(p.constructor.name) || /TimeUnit/.test(p.constructor.name),
  );
  return clone;
}
const PARSERS = [dateOnly(chrono.en.casual), dateOnly(chrono.es.casual)];

/** A relative date counts only as "in 3 days", "within 2 weeks", "3 days later", "en 2 semanas": not "2 weeks notice" or "2 hours". */
const RELATIVE_DATE = /^(?:in|within|en|dentro de)\s+.*\b(?:days?|weeks?|months?|d[ií]as?|semanas?|mes(?:es)?)$|\b(?:days?|weeks?)\s+later$/;
const CASUAL_DAY = /^(?:on\s+)?(?:today|tonight|tomorrow|hoy|mañana|manana|esta noche)$/;
/** "this weekend", "next week": not a day. */
const VAGUE_PERIOD = /\bweekend\b|\b(?:this|next|last)\s+week\b|\bfin de semana\b|\bpr[oó]xima semana\b|\bsemana que viene\b/;
const NEXT_WORD = /^(?:next|pr[oó]ximo|el pr[oó]ximo)\s/;
/** "sat", "sun" alone are ordinary words ("the sun is out"); with "on", "this" or "next", or before a date or time, a day. */
const ABBREVIATED_WEEKDAY_ALONE = /^(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?$/;
/** Spanish "el sábado 19", "el 20": a day of the month, with or without its weekday. */
const ES_WEEKDAY = '(?:domingo|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado)';
const ES_WEEKDAYS: Record<string, Weekday> = { domingo: 0, lunes: 1, martes: 2, miercoles: 3, miércoles: 3, jueves: 4, viernes: 5, sabado: 6, sábado: 6 };
const NOT_A_DAY_ES = String.raw`(?!\s*(?:[:.,/]\d|\d|de\s+la\b|personas?|invitad|adultos|niñ|am\b|pm\b|h\b|hrs?\b|horas?\b|dólares|dolares|%|\$))`;
const ES_WEEKDAY_DAY = new RegExp(String.raw`\b(${ES_WEEKDAY})\s+(\d{1,2})\b${NOT_A_DAY_ES}`, 'g');
const ES_THE_DAY = new RegExp(String.raw`\b(?:el|del|al)\s+(\d{1,2})\b${NOT_A_DAY_ES}`, 'g');
/** "a Sunday", "every Friday" are any such day, not a date. */
const ANY_SUCH_DAY_BEFORE = /\b(?:a|any|every|each|some|other|weekdays? like|cada|todos los)\s+$/;

type Component = chrono.ParsedComponents;

/** One chrono reading (one end of a range) as a calendar date under the business's conventions. */
function resolveComponent(component: Component, written: string, today: CalendarDate, isCasual: boolean, ignoreYear = false): { date: CalendarDate; confidence: number } | null {
  const weekday = component.isCertain('weekday') ? (component.get('weekday') as Weekday) : undefined;
  if (component.isCertain('day') && component.isCertain('month')) {
    const [month, day] = [component.get('month')!, component.get('day')!];
    if (isCasual) return { date: { year: component.get('year')!, month, day }, confidence: 0.95 };
    const resolved = component.isCertain('year') && !ignoreYear ? { date: { year: component.get('year')!, month, day }, confidence: 0.95 } : withYear(month, day, undefined, today);
    if (!resolved || !isValidDate(resolved.date.year, month, day)) return null;
    const agreement = weekday === undefined || weekday === weekdayOf(resolved.date) ? 1 : 0.7;
    return { date: resolved.date, confidence: resolved.confidence * agreement };
  }
  if (weekday !== undefined && !component.isCertain('day')) {
    if (NEXT_WORD.test(written)) return nextWeekday(today, weekday);
    const confidence = /^(?:this|este|esta)\s/.test(written) ? 0.9 : 0.85;
    return { date: addDays(today, daysUntil(today, weekday)), confidence };
  }
  return null;
}

export function findDateMentions(text: string, today: CalendarDate): DateMention[] {
  const mentions: DateMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const addSpan = (start: number, end: number, date: CalendarDate | null, confidence: number) => {
    if (!date || taken.slice(start, end).some(Boolean)) return;
    taken.fill(true, start, end);
    if (EXAMPLE_BEFORE.test(text.slice(Math.max(0, start - 20), start))) return;
    mentions.push({ value: formatIsoDate(date), confidence, start, end, role: roleAt(text, { start, end }) });
  };
  const add = (match: RegExpMatchArray, date: CalendarDate | null, confidence: number) => addSpan(match.index!, match.index! + match[0].length, date, confidence);

  // What chrono does not read, or reads against the conventions, first.
  for (const m of text.matchAll(NTH_WEEKDAY_OF_MONTH)) {
    const n = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1 }[m[1]] ?? 1;
    const inYear = (year: number) => nthWeekdayOfMonth(year, MONTHS[m[3]], WEEKDAYS[m[2]], n);
    const thisYear = inYear(today.year);
    add(m, compareDates(thisYear, today) >= 0 ? thisYear : inYear(today.year + 1), 0.9);
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
  for (const m of text.matchAll(ES_WEEKDAY_DAY)) {
    const weekday = ES_WEEKDAYS[m[1]];
    add(m, nextDayOfMonth(Number(m[2]), today, weekday) ?? nextDayOfMonth(Number(m[2]), today), 0.9);
  }
  for (const m of text.matchAll(FROM_TODAY)) {
    const count = m[1] === 'a' ? 1 : Number(m[1]);
    const days = count * (m[2].startsWith('week') ? 7 : 1) + (m[3] === 'tomorrow' ? 1 : 0);
    add(m, addDays(today, days), 0.8);
  }
  for (const m of text.matchAll(DAY_AFTER_TOMORROW)) add(m, addDays(today, 2), 0.95);
  // "last Saturday" is in the past: the date of an event that already happened.
  for (const m of text.matchAll(LAST_WEEKDAY)) add(m, addDays(today, -daysSince(today, WEEKDAYS[m[1]])), 0.85);

  // Noon UTC of today, with UTC as the zone: chrono's relative dates ("tomorrow") then count from today's date.
  const reference = { instant: new Date(Date.UTC(today.year, today.month - 1, today.day, 12)), timezone: 0 };
  for (const parser of PARSERS) {
    for (const result of parser.parse(text, reference, { forwardDate: true })) {
      const written = result.text;
      const after = text.slice(result.index + written.length);
      if (ABBREVIATED_WEEKDAY_ALONE.test(written) && !/^\s+\d/.test(after)) continue;
      if (written.trim() === '24/7' || VAGUE_PERIOD.test(written) || ANY_SUCH_DAY_BEFORE.test(text.slice(Math.max(0, result.index - 20), result.index))) continue;
      const relative = result.tags().has('result/relativeDate');
      if (relative && !RELATIVE_DATE.test(written)) continue;
      const isCasual = relative || CASUAL_DAY.test(written);
      // "last night", "yesterday": an evening already past is not an event date.
      if (result.tags().has('casualReference/yesterday') || result.tags().has('casualReference/lastNight') || /^(?:last night|yesterday|ayer|anoche)$/.test(written)) continue;
      if (result.tags().has('casualReference/now') || (result.start.isCertain('hour') && !isCasual && !result.start.isCertain('day'))) continue;
      if (!result.end) {
        // chrono takes a number after a comma as a two-digit year ("Dec 20th, 20 people"): here it is the next detail.
        const twoDigitYear = result.start.isCertain('year') && !/\d{4}|\d[/.-]\d/.test(written);
        const countAfter = twoDigitYear ? /,?\s+\d{1,3}$/.exec(written) : null;
        const dateText = countAfter ? written.slice(0, countAfter.index) : written;
        const resolved = resolveComponent(result.start, dateText, today, isCasual, countAfter !== null);
        if (resolved) addSpan(result.index, result.index + dateText.length, resolved.date, resolved.confidence);
        continue;
      }
      // A range ("from 12/12 to 12/19", "dec 12 - dec 19"): each end is its own mention, so a change can take the new one.
      const separator = /\s*(?:-|–|to|until|till|through|thru|al|hasta)\s*/.exec(written.slice(1));
      const cut = separator ? separator.index + 1 : written.length;
      const startDate = resolveComponent(result.start, written.slice(0, cut), today, isCasual);
      const endDate = resolveComponent(result.end, written.slice(cut + (separator?.[0].length ?? 0)), today, isCasual);
      if (startDate) addSpan(result.index, result.index + cut, startDate.date, startDate.confidence);
      if (endDate && separator) addSpan(result.index + cut + separator[0].length, result.index + written.length, endDate.date, endDate.confidence);
    }
  }

  for (const pattern of [THE_DAY, ON_DAY, ES_THE_DAY]) {
    for (const m of text.matchAll(pattern)) add(m, nextDayOfMonth(Number(m[1]), today), 0.85);
  }
  return mentions.sort((a, b) => a.start - b.start);
}
