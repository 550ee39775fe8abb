import { describe, expect, it } from 'vitest';
import { pickMention } from './mentions';
import { normaliseForMatching } from './text';
import { eveningHour, findTimeMentions } from './times';

function startTime(text: string, change = false) {
  return pickMention(findTimeMentions(normaliseForMatching(text)), change);
}

describe('findTimeMentions', () => {
  it.each([
    { text: 'at 6pm', time: '18:00' },
    { text: '6 PM', time: '18:00' },
    { text: '6:30 pm', time: '18:30' },
    { text: '5:30 p.m.', time: '17:30' },
    { text: '11am brunch', time: '11:00' },
    { text: '11:30am', time: '11:30' },
    { text: '12pm', time: '12:00' },
    { text: '18:30', time: '18:30' },
    { text: '19:00', time: '19:00' },
    { text: 'at 18h', time: '18:00' },
    { text: '18h30', time: '18:30' },
    { text: 'at 6', time: '18:00' }, // a dinner: 1-11 without am/pm is the evening
    { text: 'dinner at 3', time: '15:00' },
    { text: 'around 7?', time: '19:00' },
    { text: 'start at 6:30', time: '18:30' },
    { text: '@7', time: '19:00' },
    { text: '7ish', time: '19:00' },
    { text: "6 o'clock", time: '18:00' },
    { text: 'at six pm', time: '18:00' },
    { text: 'at noon', time: '12:00' },
    { text: '6 in the evening', time: '18:00' },
    { text: '10 in the morning', time: '10:00' },
    { text: 'half past six', time: '18:30' },
    { text: 'quarter to 7', time: '18:45' },
    { text: '5-9pm', time: '17:00' },
    { text: 'from 5 to 9', time: '17:00' },
    { text: '6pm to 10pm', time: '18:00' },
    { text: '11-2pm', time: '11:00' },
    // Spanish
    { text: 'a las 6 de la tarde', time: '18:00' },
    { text: 'a las 7', time: '19:00' },
    { text: 'a las 8 de la noche', time: '20:00' },
    { text: 'a las 11 de la mañana', time: '11:00' },
    { text: 'a la una de la tarde', time: '13:00' },
    { text: 'a las seis y media', time: '18:30' },
    { text: 'a las siete menos cuarto', time: '18:45' },
    { text: 'al mediodía', time: '12:00' },
  ])('$text -> $time', ({ text, time }) => {
    expect(startTime(text)?.value).toBe(time);
  });

  it.each([
    'for 20 people',
    'about 30 guests',
    'around 16 people',
    'for 2 hrs',
    'party of 8 adults and 4 kids',
    '35 miles away',
    '$60 per person',
    'we are 10',
    'somos 6 de la familia',
    'en la 5th avenue',
  ])('finds no time in "%s"', (text) => {
    expect(startTime(text)).toBeUndefined();
  });

  it.each([
    { text: 'bump the party from 6 to 6:30', time: '18:30' },
    { text: 'start at 5:30 instead of 6', time: '17:30' },
    { text: 'change the time of my booking to 7pm', time: '19:00' },
    { text: 'cambiar de las 7 a las 6', time: '18:00' },
  ])('for a change, the new time: $text', ({ text, time }) => {
    expect(startTime(text, true)?.value).toBe(time);
  });

  it('is sure of explicit times and less sure of guessed halves of the day', () => {
    expect(startTime('6pm')!.confidence).toBeGreaterThanOrEqual(0.9);
    expect(startTime('at 6')!.confidence).toBeGreaterThanOrEqual(0.75);
    expect(startTime('at 11')!.confidence).toBeLessThan(0.75);
  });
});

describe('eveningHour', () => {
  it.each([
    { hour: 6, reading: 18 },
    { hour: 12, reading: 12 },
    { hour: 11, reading: 23 },
    { hour: 17, reading: 17 },
  ])('$hour -> $reading', ({ hour, reading }) => {
    expect(eveningHour(hour)?.hour).toBe(reading);
  });

  it('rejects what is not an hour', () => {
    expect(eveningHour(0)).toBeNull();
    expect(eveningHour(25)).toBeNull();
  });
});
