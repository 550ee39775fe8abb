/**
 * Fictional customers for the scenario simulator: names from a list, phone numbers in the
 * reserved 555 exchange, street addresses in towns around the default base (Vacaville, CA 95687)
 * with their real ZIP codes, and the things people text, in English and Spanish.
 */

const FIRST = ['Jordan', 'Maya', 'Ethan', 'Priya', 'Marcus', 'Hannah', 'Diego', 'Grace', 'Tyler', 'Aisha', 'Caleb', 'Naomi', 'Owen', 'Leah', 'Rahul', 'Chloe', 'Isaac', 'Tessa', 'Malik', 'Brooke', 'Kenji', 'Avery', 'Noah', 'Sienna'];
const LAST = ['Rivera', 'Thompson', 'Nguyen', 'Patel', 'Coleman', 'Brooks', 'Hayes', 'Kim', 'Sullivan', 'Foster', 'Okafor', 'Bennett', 'Walsh', 'Tanaka', 'Morales', 'Price', 'Hughes', 'Chen', 'Dawson', 'Fischer'];
const FIRST_ES = ['Lucía', 'Alejandro', 'Mariana', 'Javier', 'Sofía', 'Carlos', 'Valentina', 'Andrés', 'Camila', 'Miguel', 'Gabriela', 'Rosa'];
const LAST_ES = ['Gómez', 'Hernández', 'Ramírez', 'Castillo', 'Vargas', 'Mendoza', 'Ortega', 'Reyes', 'Navarro', 'Delgado', 'Fuentes', 'Soto'];

/** Streets and the towns (with their ZIPs) within the default service area around Vacaville. */
const STREETS = ['Oak St', 'Elm Ave', 'Maple Dr', 'Cedar Ln', 'Walnut Ave', 'Sunset Dr', 'Vine St', 'Orchard Ct', 'Alamo Dr', 'Peabody Rd', 'Marshall Rd', 'Brown St', 'Hawthorne Way', 'Willow Creek Dr'];
const TOWNS = [
  ['Vacaville', '95687'],
  ['Vacaville', '95688'],
  ['Fairfield', '94533'],
  ['Fairfield', '94534'],
  ['Dixon', '95620'],
  ['Davis', '95616'],
  ['Davis', '95618'],
  ['Suisun City', '94585'],
  ['Winters', '95694'],
  ['Woodland', '95695'],
  ['Sacramento', '95814'],
  ['Sacramento', '95818'],
  ['West Sacramento', '95691'],
  ['Vallejo', '94590'],
  ['Benicia', '94510'],
  ['Napa', '94558'],
] as const;

export const REVIEW_COMMENTS: Record<number, { en: string[]; es: string[] }> = {
  5: {
    en: ['Chef was amazing, the kids loved the onion volcano!', 'Best birthday dinner we have had. Fresh food and a great show.', 'Showed up on time, cleaned everything up. Will book again.', 'Fried rice was perfect and the chef was hilarious.'],
    es: ['¡El chef fue increíble, a los niños les encantó!', 'La comida estaba deliciosa y el servicio excelente.'],
  },
  4: { en: ['Great food, arrived about 15 minutes late but made up for it.', 'Really fun night. Steak was a little overdone.'], es: ['Muy buena comida, llegaron un poco tarde.'] },
  3: { en: ['Food was fine, the show was short.', 'Okay experience, a bit pricey with the travel fee.'], es: ['Estuvo bien, pero esperábamos más.'] },
  2: { en: ['Chef was late and the shrimp was cold.', 'Booking was confusing and nobody called back about the time.'], es: ['Llegaron tarde y la comida estaba fría.'] },
  1: { en: ['Nobody showed up for almost an hour. Very disappointed.', 'Terrible experience, they forgot half our order.'], es: ['Muy mala experiencia, nadie llegó a tiempo.'] },
};

export type Language = 'en' | 'es';

/** A seeded pseudo-random source, so a run can be replayed with --seed. */
export class Dice {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 1;
  }
  /** mulberry32 */
  next(): number {
    let t = (this.state += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

export interface Person {
  name: string;
  phone: string;
  language: Language;
  address: string;
  guests: number;
  /** YYYY-MM-DD, 2 to 70 days ahead. */
  eventDate: string;
  /** "6pm", "5:30pm" */
  time: string;
}

const used = new Set<string>();

/** A new fictional person with a phone number not used in this run (707 and 916 area codes, 555 exchange). */
export function newPerson(dice: Dice, language: Language): Person {
  const name = language === 'es' ? `${dice.pick(FIRST_ES)} ${dice.pick(LAST_ES)}` : `${dice.pick(FIRST)} ${dice.pick(LAST)}`;
  let phone = '';
  do phone = `+1${dice.pick(['707', '916', '530'])}555${String(dice.int(0, 9999)).padStart(4, '0')}`;
  while (used.has(phone));
  used.add(phone);
  const [town, zip] = dice.pick(TOWNS);
  const address = `${dice.int(100, 4999)} ${dice.pick(STREETS)}, ${town}, CA ${zip}`;
  // A few parties are this week (their balance is due now), some in a week or two, most further out.
  const roll = dice.next();
  const days = roll < 0.25 ? dice.int(2, 6) : roll < 0.5 ? dice.int(7, 20) : dice.int(21, 70);
  const eventDate = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return { name, phone, language, address, guests: dice.int(10, 35), eventDate, time: dice.pick(['5pm', '5:30pm', '6pm', '6:30pm', '7pm']) };
}

/** "Jan 14" for a YYYY-MM-DD day, as people write it. */
export function spokenDate(date: string, language: Language): string {
  const day = new Date(`${date}T12:00:00Z`);
  if (language === 'es') return `${day.getUTCDate()} de ${day.toLocaleDateString('es-US', { month: 'long', timeZone: 'UTC' })}`;
  return day.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export function spanishTime(time: string): string {
  const [, hour, minutes] = /^(\d+)(?::(\d+))?pm$/.exec(time) ?? ['', '6', undefined];
  return `a las ${hour}${minutes ? `:${minutes}` : ''} de la tarde`;
}

/** The first text of someone who wants to book (some give everything at once, most do not). */
export function openingText(dice: Dice, person: Person): string {
  const date = spokenDate(person.eventDate, person.language);
  if (person.language === 'es') {
    return dice.pick([
      `Hola, quiero reservar una fiesta de hibachi para ${person.guests} personas el ${date}`,
      `Buenas tardes, ¿tienen disponible el ${date}? Somos ${person.guests} personas`,
    ]);
  }
  return dice.pick([
    `Hi! I want to book a hibachi party for ${person.guests} people on ${date}`,
    `Hello, do you have availability on ${date}? We'd be ${person.guests} guests for my daughter's birthday`,
    `Looking to book hibachi for ${person.guests} people on ${date}`,
  ]);
}

export function timeAndAddress(person: Person): string {
  return person.language === 'es' ? `${spanishTime(person.time)}, ${person.address}` : `${person.time}, ${person.address}`;
}

export function nameText(person: Person): string {
  return person.language === 'es' ? `Me llamo ${person.name}, gracias` : `My name is ${person.name}`;
}

/** An answer to one of the assistant's questions, or null when the text asks nothing we know. */
export function answer(person: Person, asked: string): string | null {
  const es = person.language === 'es';
  if (/How many guests|Cuántos invitados/i.test(asked)) return es ? `Somos ${person.guests}` : `${person.guests} guests`;
  if (/What date|Qué día/i.test(asked)) return es ? `El ${spokenDate(person.eventDate, 'es')}` : `On ${spokenDate(person.eventDate, 'en')}`;
  if (/What time|A qué hora/i.test(asked)) return es ? spanishTime(person.time) : person.time;
  if (/address|dirección/i.test(asked)) return person.address;
  if (/your name|su nombre/i.test(asked)) return nameText(person);
  if (/phone number|número de teléfono/i.test(asked)) return person.phone;
  if (/email|correo/i.test(asked)) return `${person.name.split(' ')[0].toLowerCase()}@example.com`;
  if (/allergies|alergia/i.test(asked)) return es ? 'No, ninguna' : 'No allergies, thanks';
  return null;
}

export const ASK_FOR_PERSON = {
  en: ['Can I talk to a real person please?', 'I need to speak with someone, not a bot', 'Is there a human I can talk to about a corporate event?'],
  es: ['¿Puedo hablar con una persona, por favor?', 'Quiero hablar con alguien del equipo'],
};

export const QUESTIONS = {
  en: ['Do you bring the grill and the chef?', 'How much is it for 15 people?', 'Do you do vegetarian options?'],
  es: ['¿Cuánto cuesta para 15 personas?', '¿Traen la parrilla?'],
};
