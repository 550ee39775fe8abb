import { type Mention, roleAt } from './mentions';

/**
 * Start times in a normalised message (dates already masked): "6pm", "6:30 pm", "18:30",
 * "18h", "noon", "6 o'clock", "7ish", "at 6", "5-9pm", "from 6 to 6:30". Hibachi dinners run
 * in the afternoon and evening, so an hour from 1 to 11 without am/pm is read as pm.
 */

type TimeMention = Mention<string>;

const MERIDIEM = String.raw`(a\.?m\.?|p\.?m\.?)(?![a-z])`;
const EXPLICIT_WITH_MINUTES = new RegExp(String.raw`\b(\d{1,2})[:.](\d{2})\s*${MERIDIEM}`, 'g');
const EXPLICIT_HOUR = new RegExp(String.raw`\b(\d{1,2})\s*${MERIDIEM}`, 'g');
/** Words after a number that make it a count or an amount rather than an hour. */
const NOT_AN_HOUR_AFTER = String.raw`(?:(?:st|nd|rd|th|people|persons|guests|adults|kids|children|ppl|pax|hours|hrs|minutes|miles|mi|years)\b|%)`;
const RANGE = new RegExp(
  String.raw`\b(from\s+)?(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?\s*(?:-|to|until|till|til)\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?![\d/a-z])(?!\s*${NOT_AN_HOUR_AFTER})`,
  'g',
);
const CONTINENTAL = /\b([01]?\d|2[0-3])h(\d{2})?\b/g;
const CLOCK = /\b([01]?\d|2[0-3]):([0-5]\d)\b/g;
const NOON = /\b(noon|midday|midnight)\b/g;
const O_CLOCK = /\b(\d{1,2})\s*o'?\s*clock\b/g;
const ISH = /\b(\d{1,2})\s*ish\b/g;
/** "6 in the evening", "half past 6", "quarter to 7": spoken times. */
const PART_OF_DAY = /\b(\d{1,2})(?::(\d{2}))?\s+(?:o'?clock\s+)?in the (morning|afternoon|evening|night)\b/g;
const PAST_OR_TO = /\b(half|quarter)\s+(past|after|to|till)\s+(\d{1,2})\b/g;
/** "at 6", "around 7", "dinner at 3": a bare hour after a word that introduces a time. */
const CUED_HOUR = new RegExp(
  String.raw`(?:\b(?:at|around|by|about|start(?:ing|s)?(?:\s+at)?|begin(?:ning|s)?(?:\s+at)?|arrive\s+at|instead\s+of|from)|@|~)\s*(\d{1,2})(?!\d)(?![:/.,]\d)(?!\s*(?:${NOT_AN_HOUR_AFTER}|of\b|more\b|or\b|-|to\b))`,
  'g',
);

/** Spanish: "a las 6 de la tarde", "a las 7:30", "las 6 y media", "a las siete menos cuarto", "de las 6 a las 7". */
const SPANISH_HOURS: Record<string, number> = { una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12 };
const SPANISH_TIME = new RegExp(
  String.raw`\b(?:(a|para|de|desde|hasta|sobre|como a|a eso de)\s+)?(?:las|la)\s+(\d{1,2}|${Object.keys(SPANISH_HOURS).join('|')})(?::(\d{2}))?(?:\s+(y|menos)\s+(media|cuarto|\d{1,2}))?(?:\s*(am|pm|a\.m\.|p\.m\.)|\s+(?:de|en|por)\s+la\s+(mañana|manana|tarde|noche))?(?![\d:a-z])`,
  'g',
);
const SPANISH_NOON = /\b(mediod[ií]a|medianoche)\b/g;

function readSpanishTime(m: RegExpMatchArray): { value: string; confidence: number } | null {
  const [, , hourText, minuteText, sign, offset, meridiem, partOfDay] = m;
  const hour = /^\d/.test(hourText) ? Number(hourText) : SPANISH_HOURS[hourText];
  if (hour > 23) return null;
  let hour24: number | null;
  let confidence = 0.95;
  if (meridiem) hour24 = withMeridiem(hour, meridiem);
  else if (partOfDay) hour24 = hour > 12 ? hour : /ma/.test(partOfDay) ? hour % 12 : (hour % 12) + 12;
  else {
    const reading = eveningHour(hour);
    hour24 = reading?.hour ?? null;
    confidence = reading?.confidence ?? 0;
  }
  if (hour24 === null) return null;
  const minutes = offset === undefined ? Number(minuteText ?? 0) : ({ media: 30, cuarto: 15 } as Record<string, number>)[offset] ?? Number(offset);
  const total = hour24 * 60 + (sign === 'menos' ? -minutes : minutes);
  if (minutes >= 60 || total < 0) return null;
  return { value: hhmm(Math.floor(total / 60) % 24, total % 60), confidence };
}

function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function withMeridiem(hour: number, meridiem: string): number | null {
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem.startsWith('p');
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/**
 * An hour written without am/pm, read the way a dinner booking means it. 1-9 is clearly the
 * evening; 10 and 11 could be a late party or a morning, so they are less sure.
 */
export function eveningHour(hour: number): { hour: number; confidence: number } | null {
  if (hour >= 13 && hour <= 23) return { hour, confidence: 0.9 };
  if (hour === 12) return { hour: 12, confidence: 0.8 };
  if (hour >= 1 && hour <= 9) return { hour: hour + 12, confidence: 0.85 };
  if (hour === 10 || hour === 11) return { hour: hour + 12, confidence: 0.6 };
  return null;
}

/** "5-9pm", "6pm to 10pm", "from 5 to 9": both ends, the start sharing the end's am/pm when it has none. */
function readRange(m: RegExpMatchArray): { start: string; end: string; confidence: number; isFromTo: boolean } | null {
  const [fromWord, startHour, startMinute, startMeridiem, endHour, endMinute, endMeridiem] = m.slice(1);
  if (!fromWord && !startMeridiem && !endMeridiem) return null; // "10-12" alone could be anything
  const end = endMeridiem ? withMeridiem(Number(endHour), endMeridiem) : (eveningHour(Number(endHour))?.hour ?? null);
  let start: number | null;
  if (startMeridiem) start = withMeridiem(Number(startHour), startMeridiem);
  else if (endMeridiem && end !== null) {
    // "5-9pm" is 17:00-21:00, but "11-2pm" starts in the morning.
    const sameHalf = withMeridiem(Number(startHour), endMeridiem);
    start = sameHalf !== null && sameHalf <= end ? sameHalf : withMeridiem(Number(startHour), endMeridiem.startsWith('p') ? 'am' : 'pm');
  } else start = eveningHour(Number(startHour))?.hour ?? null;
  if (start === null || end === null) return null;
  return {
    start: hhmm(start, Number(startMinute ?? 0)),
    end: hhmm(end, Number(endMinute ?? 0)),
    confidence: startMeridiem || endMeridiem ? 0.9 : 0.8,
    isFromTo: fromWord !== undefined,
  };
}

export function findTimeMentions(text: string): TimeMention[] {
  const mentions: TimeMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const add = (start: number, end: number, value: string | null, confidence: number, role?: TimeMention['role']) => {
    if (value === null || taken.slice(start, end).some(Boolean)) return;
    taken.fill(true, start, end);
    mentions.push({ value, confidence, start, end, role: role ?? roleAt(text, { start, end }) });
  };
  const at = (m: RegExpMatchArray) => [m.index!, m.index! + m[0].length] as const;

  for (const m of text.matchAll(SPANISH_TIME)) {
    const reading = readSpanishTime(m);
    if (!reading) continue;
    // "de las 6 a las 7": the first is the time being replaced.
    const role = m[1] === 'de' || m[1] === 'desde' ? 'old' : undefined;
    add(...at(m), reading.value, reading.confidence, role);
  }
  for (const m of text.matchAll(SPANISH_NOON)) add(...at(m), m[1] === 'medianoche' ? '00:00' : '12:00', m[1] === 'medianoche' ? 0.7 : 0.95);
  for (const m of text.matchAll(RANGE)) {
    const range = readRange(m);
    if (!range) continue;
    const [start, end] = at(m);
    // A range is an event's span (start = first); "from 6 to 6:30" in a change is old -> new.
    add(start, end, range.start, range.confidence, 'plain');
    if (range.isFromTo) mentions.push({ value: range.end, confidence: range.confidence, start: end, end, role: 'new', onlyForChanges: true });
  }
  for (const m of text.matchAll(EXPLICIT_WITH_MINUTES)) {
    const hour = withMeridiem(Number(m[1]), m[3]);
    const minute = Number(m[2]);
    add(...at(m), hour !== null && minute < 60 ? hhmm(hour, minute) : null, 0.95);
  }
  for (const m of text.matchAll(EXPLICIT_HOUR)) {
    const hour = withMeridiem(Number(m[1]), m[2]);
    add(...at(m), hour !== null ? hhmm(hour, 0) : null, 0.95);
  }
  for (const m of text.matchAll(CONTINENTAL)) {
    const hour = Number(m[1]);
    // "2h" is a duration; "18h" / "18h30" is a time.
    if (hour >= 12 || m[2]) add(...at(m), hhmm(hour, Number(m[2] ?? 0)), 0.85);
  }
  for (const m of text.matchAll(CLOCK)) {
    const reading = eveningHour(Number(m[1])) ?? (Number(m[1]) === 0 ? { hour: 0, confidence: 0.7 } : null);
    if (reading) add(...at(m), hhmm(reading.hour, Number(m[2])), Number(m[1]) >= 13 ? 0.95 : reading.confidence);
  }
  for (const m of text.matchAll(PAST_OR_TO)) {
    const hour = Number(m[3]);
    const reading = eveningHour(hour);
    if (!reading || hour > 12) continue;
    const inTheMorning = /^\s+in the morning\b/.test(text.slice(m.index! + m[0].length));
    const minutes = (inTheMorning ? hour % 12 : reading.hour) * 60 + (m[2] === 'to' || m[2] === 'till' ? -1 : 1) * (m[1] === 'half' ? 30 : 15);
    add(...at(m), hhmm(Math.floor(minutes / 60), minutes % 60), inTheMorning ? 0.9 : reading.confidence);
  }
  for (const m of text.matchAll(PART_OF_DAY)) {
    const hour = Number(m[1]);
    if (hour < 1 || hour > 12) continue;
    add(...at(m), hhmm(m[3] === 'morning' ? hour % 12 : (hour % 12) + 12, Number(m[2] ?? 0)), 0.9);
  }
  for (const m of text.matchAll(NOON)) add(...at(m), m[1] === 'midnight' ? '00:00' : '12:00', m[1] === 'midnight' ? 0.7 : 0.95);
  for (const pattern of [O_CLOCK, ISH, CUED_HOUR]) {
    for (const m of text.matchAll(pattern)) {
      const reading = eveningHour(Number(m[1]));
      if (!reading || Number(m[1]) > 12) continue;
      const numberStart = m.index! + m[0].lastIndexOf(m[1]);
      add(...at(m), hhmm(reading.hour, 0), pattern === CUED_HOUR ? reading.confidence : Math.max(reading.confidence, 0.85), roleAt(text, { start: numberStart, end: numberStart }));
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
