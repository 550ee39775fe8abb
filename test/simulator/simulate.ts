import type { EventEmitter } from 'node:events';
/**
 * `pnpm simulate`: plays a stream of fictional customers against a running server through the
 * same local wire-format stand-ins the tests use (RingCentral SMS, Meta Messenger, Stripe,
 * Plaid, Google Business Profile) and the web chat's own GraphQL route, then checks the soak
 * invariants. Run with `--help` for the options.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { FakeGoogle, type FakeLocation } from '../support/fake-google-business-server';
import { httpRequest } from '../support/fake-http-server';
import { FakePlaid, plaidEnv, type FakeItem } from '../support/fake-plaid-server';
import { metaEnv, startFakeMeta, type FakeMeta } from '../support/fake-meta-server';
import { ringCentralEnv, startFakeRingCentral, type FakeRingCentral } from '../support/fake-ringcentral-server';
import { startFakeStripe, stripeEnv, type FakeStripe } from '../support/fake-stripe-server';
import { checkInvariants } from './invariants';
import { ASK_FOR_PERSON, Dice, QUESTIONS, REVIEW_COMMENTS, answer, newPerson, openingText, spokenDate, type Language, type Person } from './people';

const ROOT = path.resolve(__dirname, '../..');
const SERVER_ENTRY = path.join(ROOT, 'server/dist/server/src/main.js');
const WEBHOOK_TOKEN = 'simulator-verification-token-0123456789';
/** The console sign-in of a server the simulator starts itself: demo credentials of a throwaway database. */
const DEMO_ADMIN = { email: 'owner@hibachi.test', password: 'see it alive 2 minutes' };

const HELP = `pnpm simulate [options]

  --speed <n>          events per second sent to the server (default 4)
  --duration <s>       seconds of new customers (default 120); then in-flight ones finish
  --seed <n>           the same draw of customers (timing still varies; default: random)
  --exit               stop the server it started when done (default: keep it running to look)
  --json <file>        also write the summary and invariants as JSON

  Its own server (default): the server's embedded PostgreSQL in a temporary folder and Redis
  in-process, every port asked of the OS (nothing but Node needed). Or a database of yours:
  --database-url <empty database>, or DATABASE_ADMIN_URL=<superuser url> (a new database is
  made there and dropped at the end); REDIS_URL (and REDIS_KEY_PREFIX) for a real Redis.

  --url <url>          target a running server instead; it must have been started with the
                       stand-ins' environment, which the simulator writes to --env-file
                       (default .simulate.env) and then waits for the server:
                         terminal 1: pnpm simulate --url http://127.0.0.1:4000 --database-url <its DATABASE_URL>
                         terminal 2: set -a; . ./.simulate.env; set +a; PORT=4000 pnpm start
  --email, --password  an admin's sign-in on that server (default ADMIN_EMAIL/ADMIN_PASSWORD)
`;

interface Options {
  speed: number;
  durationS: number;
  seed: number;
  exit: boolean;
  json?: string;
  url?: string;
  databaseUrl?: string;
  envFile: string;
  email: string;
  password: string;
}

function options(): Options {
  const { values } = parseArgs({
    args: process.argv.slice(process.argv.findIndex((arg) => arg.endsWith('simulate.ts')) + 1),
    options: {
      speed: { type: 'string' },
      duration: { type: 'string' },
      seed: { type: 'string' },
      exit: { type: 'boolean' },
      json: { type: 'string' },
      url: { type: 'string' },
      'database-url': { type: 'string' },
      'env-file': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const speed = Number(values.speed ?? 4);
  const durationS = Number(values.duration ?? 120);
  if (!(speed > 0 && speed <= 200)) throw new Error('--speed: events per second, more than 0 and at most 200');
  if (!(durationS > 0)) throw new Error('--duration: seconds, more than 0');
  const remote = values.url !== undefined;
  return {
    speed,
    durationS,
    seed: Number(values.seed ?? randomBytes(4).readUInt32LE()),
    exit: values.exit ?? false,
    json: values.json,
    url: values.url?.replace(/\/$/, ''),
    databaseUrl: values['database-url'] ?? (remote ? process.env.DATABASE_URL : undefined),
    envFile: values['env-file'] ?? '.simulate.env',
    email: values.email ?? (remote ? (process.env.ADMIN_EMAIL ?? '') : DEMO_ADMIN.email),
    password: values.password ?? (remote ? (process.env.ADMIN_PASSWORD ?? '') : DEMO_ADMIN.password),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spaces events out to `rate` per second, across every customer. */
class Pace {
  private next = Date.now();
  constructor(private readonly rate: number) {}
  async take(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next);
    this.next = slot + 1000 / this.rate;
    if (slot > now) await sleep(slot - now);
  }
}

export interface Counts {
  events: number;
  customers: number;
  bookings: number;
  changes: number;
  cancellations: number;
  escalations: number;
  cardPayments: number;
  bankCredits: number;
  reviews: number;
  errors: number;
}

interface World {
  url: string;
  token: string;
  db: pg.Client;
  rc: FakeRingCentral;
  meta: FakeMeta;
  stripe: FakeStripe;
  plaid: FakePlaid;
  bank: FakeItem;
  google: FakeGoogle;
  /** The business's Google location once connected; reviews go to the local source until then. */
  googleLocation: FakeLocation | null;
  pace: Pace;
  dice: Dice;
  counts: Counts;
  errorSamples: string[];
  /** Stretches the customers' pauses ("paying late"): shorter at higher speeds, none once time is up. */
  pauseMs: (min: number, max: number) => number;
  /** Time is up: customers finish what they started without dawdling. */
  windingDown: boolean;
  /** People who booked, for reviews of a party they had. */
  booked: Person[];
  /** The bank credits (Plaid transaction ids) this run put in the feed. */
  bankTransactionIds: string[];
}

async function graphql(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((error) => error.message).join('; ')}`);
  return body.data;
}

function userErrorsOf(payload: { userErrors?: Array<{ message: string }> } | undefined): void {
  if (payload?.userErrors?.length) throw new Error(payload.userErrors.map((error) => error.message).join('; '));
}

class Stalled extends Error {}

/**
 * What `ready` returns once it is something, looked at now and again each time the stand-in
 * emits `event` (a text or message recorded), so nothing is polled; `stalled()` after `timeoutMs`.
 */
function whenReady<T>(emitter: EventEmitter, event: string, ready: () => T | undefined, timeoutMs: number, stalled: () => Error): Promise<T> {
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise<T>((resolve, reject) => {
    const check = () => {
      const value = ready();
      if (value === undefined) return;
      finish();
      resolve(value);
    };
    const timer = setTimeout(() => {
      finish();
      reject(stalled());
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      emitter.off(event, check);
    };
    emitter.on(event, check);
  });
}

/** A customer's phone: what they text the business, and the business's texts to them, one at a time. */
function phoneOf(world: World, phone: string) {
  let read = 0;
  let sent = 0;
  return {
    async say(text: string): Promise<void> {
      await world.pace.take();
      sent += 1;
      world.counts.events += 1;
      const reply = await world.rc.deliver(world.rc.inboundSmsBody({ from: phone, text, id: `sim-${phone.slice(-7)}-${Date.now()}-${sent}` }));
      if (reply.status !== 200) throw new Error(`RingCentral webhook answered ${reply.status}`);
    },
    async next(timeoutMs = 30_000): Promise<string> {
      const unread = () => world.rc.sentSms.filter((sms) => sms.to.includes(phone))[read]?.text;
      const text = await whenReady(world.rc.events, 'sms', unread, timeoutMs, () => new Stalled(`no text to ${phone.slice(0, -4)}•••• within ${timeoutMs / 1000} s`));
      read += 1;
      return text;
    },
  };
}

const CONFIRMED = /party is confirmed|fiesta de hibachi está confirmada/;
const TO_STAFF = /member of our team|miembro de nuestro equipo|our team will|nuestro equipo/i;

/** Someone texting to book: answers what the assistant asks, says yes, accepts the terms. */
async function bookBySms(world: World, person: Person): Promise<boolean> {
  const sms = phoneOf(world, person.phone);
  const es = person.language === 'es';
  await sms.say(openingText(world.dice, person));
  let agreed = false;
  let offeredAddress = false;
  for (let turn = 0; turn < 12; turn += 1) {
    const text = await sms.next();
    if (CONFIRMED.test(text)) {
      world.counts.bookings += 1;
      world.booked.push(person);
      await afterBooking(world, person, sms);
      return true;
    }
    if (/terms at http|términos en http/.test(text) && !agreed) {
      agreed = true;
      await sleep(world.pauseMs(300, 2500));
      await sms.say(es ? world.dice.pick(['acepto', 'Acepto los términos']) : world.dice.pick(['I agree', 'I AGREE', 'Yes, I agree to the terms']));
      continue;
    }
    if (/You're booked|Listo, reservado/.test(text)) continue; // the terms come next
    if (/Service area exceeded/i.test(text) && !offeredAddress) {
      offeredAddress = true;
      person.address = `${world.dice.int(100, 999)} Merchant St, Vacaville, CA 95688`;
      await sms.say(es ? `Entonces en ${person.address}` : `OK, then ${person.address}`);
      continue;
    }
    if (/Shall I book it|Hago la reserva/.test(text)) {
      await sms.say(es ? 'sí' : world.dice.pick(['yes', 'Yes please', 'yes!']));
      continue;
    }
    if (TO_STAFF.test(text)) {
      world.counts.escalations += 1;
      return false;
    }
    const reply = answer(person, text);
    await sleep(world.pauseMs(200, 1500));
    if (reply) await sms.say(reply);
    else await sms.say(es ? `Somos ${person.guests} el ${spokenDate(person.eventDate, 'es')} a las 6 de la tarde en ${person.address}. Me llamo ${person.name}` : `${person.guests} guests on ${spokenDate(person.eventDate, 'en')} at ${person.time}, ${person.address}. My name is ${person.name}`);
  }
  throw new Stalled(`booking by text did not finish for ${person.name}`);
}

async function bookingOf(world: World, phone: string): Promise<{ id: string; dbId: string; reference: string } | null> {
  const { rows } = await world.db.query<{ id: string }>(
    `SELECT b.id FROM booking b JOIN customer c ON c.id = b.customer_id WHERE c.phone = $1 ORDER BY b.created_at DESC LIMIT 1`,
    [phone],
  );
  if (!rows[0]) return null;
  const dbId = rows[0].id;
  return { dbId, id: Buffer.from(`Booking:${dbId}`).toString('base64url'), reference: `HB-${dbId.replace(/-/g, '').slice(0, 6).toUpperCase()}` };
}

/** What a booked customer does next: pay (late, sometimes), change their mind, or cancel. */
async function afterBooking(world: World, person: Person, sms: ReturnType<typeof phoneOf>): Promise<void> {
  const booking = await bookingOf(world, person.phone);
  if (!booking) throw new Error(`no booking found for a confirmed customer`);
  const dice = world.dice;
  const roll = dice.next();
  if (roll < 0.1) {
    await sleep(world.pauseMs(500, 3000));
    await cancelBySms(world, person, sms);
    return;
  }
  let depositPaidCents = 0;
  if (dice.chance(0.85)) {
    await sleep(world.pauseMs(500, 6000)); // the deposit link sits a while before they pay
    depositPaidCents = await payDepositByCard(world, booking.id);
  }
  if (roll < 0.25) {
    await sleep(world.pauseMs(500, 3000));
    await changeBySms(world, person, sms);
  }
  // The balance is due on the day: it comes in the last days before the party, by Zelle or
  // Venmo (the matcher doubts a balance paid weeks early); further-off parties pay later.
  if (Date.parse(person.eventDate) - Date.now() < 7 * 86_400_000 && dice.chance(0.85)) {
    await sleep(world.pauseMs(1000, 8000));
    await payBalanceByBank(world, person, booking, depositPaidCents);
  }
}

async function changeBySms(world: World, person: Person, sms: ReturnType<typeof phoneOf>): Promise<void> {
  const es = person.language === 'es';
  const moved = new Date(Date.parse(`${person.eventDate}T12:00:00Z`) + world.dice.int(2, 9) * 86_400_000).toISOString().slice(0, 10);
  await sms.say(
    es ? `¿Podemos cambiarla al ${spokenDate(moved, 'es')} a las 5 de la tarde?` : world.dice.pick([`can we move it to ${spokenDate(moved, 'en')} at 5pm`, `Could we move the party to ${spokenDate(moved, 'en')} at 5pm?`]),
  );
  const readBack = await sms.next();
  if (TO_STAFF.test(readBack)) {
    world.counts.escalations += 1;
    return;
  }
  if (!/Reply YES|Responda SÍ|responda SI/i.test(readBack)) return;
  await sms.say(es ? 'sí' : 'yes');
  for (let turn = 0; turn < 4; turn += 1) {
    const text = await sms.next();
    if (/terms at http|términos en http/.test(text)) {
      await sms.say(es ? 'acepto' : 'I agree');
      continue;
    }
    if (CONFIRMED.test(text)) {
      person.eventDate = moved;
      world.counts.changes += 1;
      return;
    }
  }
}

async function cancelBySms(world: World, person: Person, sms: ReturnType<typeof phoneOf>): Promise<void> {
  const es = person.language === 'es';
  await sms.say(es ? 'Necesito cancelar mi reserva, lo siento' : world.dice.pick(['I need to cancel my booking', 'we have to cancel the party, sorry']));
  const readBack = await sms.next();
  if (TO_STAFF.test(readBack)) {
    world.counts.escalations += 1;
    return;
  }
  if (!/YES|SÍ/.test(readBack)) return;
  await sms.say(es ? 'sí' : 'yes');
  const done = await sms.next();
  if (/cancelled|cancelada/i.test(done)) world.counts.cancellations += 1;
}

/** Pays the deposit by card through Stripe; returns what was paid (0 when it was paid already). */
async function payDepositByCard(world: World, bookingId: string): Promise<number> {
  const made = await graphql(
    world.url,
    `mutation($bookingId: ID!) { createDepositCheckout(bookingId: $bookingId) { checkout { providerSessionId amountCents } userErrors { message code } } }`,
    { bookingId },
    world.token,
  );
  const payload = made.createDepositCheckout;
  if (payload.userErrors.some((error: { code: string }) => error.code === 'DEPOSIT_PAID')) return 0;
  userErrorsOf(payload);
  const session = world.stripe.complete(payload.checkout.providerSessionId);
  await world.pace.take();
  world.counts.events += 1;
  const reply = await world.stripe.deliver(world.url, world.stripe.event('checkout.session.completed', session));
  if (reply.status !== 200) throw new Error(`Stripe webhook answered ${reply.status}`);
  world.counts.cardPayments += 1;
  return payload.checkout.amountCents as number;
}

const PRICE = `query($id: ID!) { booking(id: $id) { status price { totalCents paidCents } } }`;

async function payBalanceByBank(world: World, person: Person, booking: { id: string; reference: string }, depositPaidCents: number): Promise<void> {
  // What is still due: the card deposit counts whether or not its webhook has reached the ledger yet.
  const { booking: current } = await graphql(world.url, PRICE, { id: booking.id }, world.token);
  if (current.status === 'CANCELLED') return;
  const due = current.price.totalCents - Math.max(current.price.paidCents, depositPaidCents);
  if (due <= 0) return;
  const payer = person.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  const name = world.dice.chance(0.7) ? `Zelle payment from ${payer} for ${booking.reference} Conf# ${randomBytes(3).toString('hex')}` : `VENMO PAYMENT FROM ${payer} ${booking.reference}`;
  const transactionId = `sim-tx-${randomBytes(8).toString('hex')}`;
  world.bankTransactionIds.push(transactionId);
  world.plaid.add(world.bank, {
    transaction_id: transactionId,
    account_id: world.bank.accounts[0].account_id,
    amount: -(due / 100), // Plaid: negative is money in
    date: new Date().toISOString().slice(0, 10),
    name,
    pending: false,
  });
  await world.pace.take();
  world.counts.events += 1;
  const reply = await world.plaid.deliver(world.url, { webhook_type: 'TRANSACTIONS', webhook_code: 'SYNC_UPDATES_AVAILABLE', item_id: world.bank.itemId, initial_update_complete: true, historical_update_complete: true, environment: 'sandbox' });
  if (reply.status !== 200) throw new Error(`Plaid webhook answered ${reply.status}`);
  world.counts.bankCredits += 1;
}

/** Someone who texts or chats and wants a person: they land in the escalation queue. */
async function askForPersonBySms(world: World, person: Person): Promise<void> {
  const sms = phoneOf(world, person.phone);
  await sms.say(world.dice.pick(ASK_FOR_PERSON[person.language]));
  const reply = await sms.next();
  if (TO_STAFF.test(reply) || /connecting you|persona/i.test(reply)) world.counts.escalations += 1;
}

async function webChat(world: World, language: Language): Promise<void> {
  await world.pace.take();
  world.counts.events += 1;
  const started = await graphql(world.url, `mutation { startWebChatSession { sessionToken userErrors { message } } }`);
  userErrorsOf(started.startWebChatSession);
  const token = started.startWebChatSession.sessionToken as string;
  const send = async (text: string) => {
    await world.pace.take();
    world.counts.events += 1;
    const sent = await graphql(world.url, `mutation($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { reply { text } userErrors { message } } }`, { token, text });
    userErrorsOf(sent.sendWebChatMessage);
    return (sent.sendWebChatMessage.reply?.text as string | undefined) ?? '';
  };
  if (world.dice.chance(0.5)) {
    await send(world.dice.pick(QUESTIONS[language]));
    await sleep(world.pauseMs(300, 2000));
  }
  const reply = await send(world.dice.pick(ASK_FOR_PERSON[language]));
  if (TO_STAFF.test(reply) || /connecting you|persona/i.test(reply) || reply === '') world.counts.escalations += 1;
}

async function messenger(world: World, language: Language): Promise<void> {
  const senderId = String(world.dice.int(1e15, 9e15));
  const say = async (text: string) => {
    await world.pace.take();
    world.counts.events += 1;
    const reply = await world.meta.deliver(world.url, world.meta.messengerText({ senderId, text, mid: `m_sim_${randomBytes(8).toString('hex')}` }));
    if (reply.status !== 200) throw new Error(`Meta webhook answered ${reply.status}`);
  };
  const replies = async (count: number) => {
    const toSender = () => world.meta.sent.filter((message) => message.body?.recipient?.id === senderId);
    const all = () => (toSender().length >= count ? toSender() : undefined);
    const sent = await whenReady(world.meta.events, 'sent', all, 30_000, () => new Stalled('no Messenger reply within 30 s'));
    return sent.map((message) => String(message.body?.message?.text ?? ''));
  };
  await say(world.dice.pick(QUESTIONS[language]));
  await replies(1);
  if (world.dice.chance(0.6)) {
    await sleep(world.pauseMs(300, 2000));
    await say(world.dice.pick(ASK_FOR_PERSON[language]));
    const [, second] = await replies(2);
    if (TO_STAFF.test(second ?? '') || /connecting you|persona/i.test(second ?? '')) world.counts.escalations += 1;
  }
}

const STARS = ['', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'] as const;

/**
 * A review, mostly good, now and then harsh; from someone who booked when there is one. Left on
 * Google (the stand-in holds it and Pub/Sub tells the server) when the business is connected,
 * else entered in the local review source.
 */
async function review(world: World): Promise<void> {
  const dice = world.dice;
  const rating = dice.pick([5, 5, 5, 5, 5, 4, 4, 4, 3, 2, 1]);
  const person = world.booked.length > 0 && dice.chance(0.6) ? dice.pick(world.booked) : newPerson(dice, dice.chance(0.2) ? 'es' : 'en');
  const comment = dice.pick(REVIEW_COMMENTS[rating][person.language]);
  await world.pace.take();
  world.counts.events += 1;
  if (world.googleLocation) {
    const now = new Date().toISOString();
    const left = world.google.addReview(world.googleLocation, { reviewer: { displayName: person.name }, starRating: STARS[rating] as 'FIVE', comment, createTime: now, updateTime: now });
    const pushed = await world.google.push(world.url, { type: 'NEW_REVIEW', review: left.name, location: world.googleLocation.name }, `Bearer ${await world.google.signIdToken()}`);
    if (pushed.status >= 300) throw new Error(`Google push answered ${pushed.status}`);
  } else {
    const added = await graphql(
      world.url,
      `mutation($input: AddReviewInput!) { addReview(input: $input) { userErrors { message } } }`,
      { input: { rating, reviewerName: person.name, reviewerPhone: person.phone, comment } },
      world.token,
    );
    userErrorsOf(added.addReview);
  }
  world.counts.reviews += 1;
}

/** Connects the business's Google profile as the console's "Connect Google" does; null (and why) when that does not work. */
async function connectGoogle(url: string, token: string, google: FakeGoogle): Promise<FakeLocation | null> {
  const location = google.addLocation('3001', 'Hibachi Vacaville');
  const { connectGoogle: started } = await graphql(url, `mutation { connectGoogle { consentUrl userErrors { message } } }`, {}, token);
  userErrorsOf(started);
  const consent = new URL(started.consentUrl);
  const callback = new URL(consent.searchParams.get('redirect_uri')!);
  callback.searchParams.set('state', consent.searchParams.get('state')!);
  callback.searchParams.set('code', google.grantConsent());
  const answered = await httpRequest('GET', callback.toString(), { accept: 'application/json' }, '');
  if (answered.status !== 200) throw new Error(`Google's consent callback answered ${answered.status}`);
  await waitFor('the first Google reviews sync', async () => (await graphql(url, `{ googleConnection { lastSyncedAt } }`, {}, token)).googleConnection.lastSyncedAt !== null, 20_000);
  return location;
}

/** One customer, drawn from the mix. */
async function customer(world: World): Promise<void> {
  const dice = world.dice;
  const language: Language = dice.chance(0.25) ? 'es' : 'en';
  const roll = dice.next();
  world.counts.customers += 1;
  if (roll < 0.45) {
    const person = newPerson(dice, language);
    await bookBySms(world, person);
    if (dice.chance(0.3)) await review(world);
  } else if (roll < 0.57) await webChat(world, language);
  else if (roll < 0.67) await askForPersonBySms(world, newPerson(dice, language));
  else if (roll < 0.8) await messenger(world, language);
  else await review(world);
}

function progressLine(startedAt: number, counts: Counts): string {
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  return (
    `[${String(seconds).padStart(4)}s] events ${counts.events} (${(counts.events / Math.max(1, seconds)).toFixed(1)}/s) · customers ${counts.customers} · ` +
    `bookings ${counts.bookings} (changed ${counts.changes}, cancelled ${counts.cancellations}) · escalations ${counts.escalations} · ` +
    `payments ${counts.cardPayments} card + ${counts.bankCredits} bank · reviews ${counts.reviews} · errors ${counts.errors}`
  );
}

interface Started {
  url: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The built server on a free port, on a fresh database that goes when it stops: the one given,
 * a new one on DATABASE_ADMIN_URL, or (the default) the server's embedded PostgreSQL in a
 * temporary DATA_DIR on a port the OS picks, with Redis in-process unless REDIS_URL is set.
 */
async function startOwnServer(env: Record<string, string>, given?: string): Promise<Started> {
  const adminUrl = process.env.DATABASE_ADMIN_URL;
  let databaseUrl = given;
  let dataDir: string | undefined;
  let dropDatabase = async (): Promise<void> => undefined;
  if (!databaseUrl && adminUrl) {
    const name = `hibachi_simulate_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await drop.end();
    };
  } else if (!databaseUrl) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-simulate-'));
    dataDir = dir;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  }
  // Asked of the OS, never assumed free; the server says so clearly if another process took it meanwhile.
  const embeddedPort = `EMBEDDED_POSTGRES_PORT=${databaseUrl ? '' : await freePort()}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_FORMAT: 'json',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: process.env.SIMULATE_SERVER_LOG ? 'info' : 'error',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dataDir!, EMBEDDED_POSTGRES_PORT: embeddedPort.split('=')[1] }),
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      REDIS_KEY_PREFIX: process.env.REDIS_KEY_PREFIX ?? `sim${randomBytes(3).toString('hex')}:`,
      ADMIN_EMAIL: DEMO_ADMIN.email,
      ADMIN_PASSWORD: DEMO_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.SIMULATE_SERVER_LOG) appendFileSync(process.env.SIMULATE_SERVER_LOG, chunk);
      const match = /Console:\s+(http:\/\/\S+?)\/?\s*$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before it was ready:\n${output}`));
    });
  });
  if (!databaseUrl) {
    // The embedded cluster's superuser password, which the server keeps in its data folder.
    const { password } = JSON.parse(readFileSync(path.join(dataDir!, 'postgres-credentials.json'), 'utf8')) as { password: string };
    const port = /EMBEDDED_POSTGRES_PORT=(\d+)/.exec(embeddedPort)![1];
    databaseUrl = `postgres://hibachi:${encodeURIComponent(password)}@127.0.0.1:${port}/hibachi`;
  }
  return {
    url,
    databaseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await dropDatabase();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** Two staff extensions escalations are routed to, when the server has none. */
async function ensureExtensions(url: string, token: string): Promise<void> {
  const { extensions } = await graphql(url, `{ extensions(first: 5) { edges { node { id } } } }`, {}, token);
  if (extensions.edges.length > 0) return;
  const allWeek = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, start: '00:00', end: '24:00' }));
  for (const [number, employeeName, phone] of [
    [101, 'Avery Kim', '+17075550101'],
    [102, 'Marisol Ortega', '+17075550102'],
  ] as const) {
    const made = await graphql(
      url,
      `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { userErrors { message } } }`,
      { input: { number, employeeName, role: 'Bookings', phone, status: 'AVAILABLE', workingHours: allWeek } },
      token,
    );
    userErrorsOf(made.createExtension);
  }
}

/** What was started, stopped last first: on success, on Ctrl-C and on a failure alike (never a server left behind). */
const stops: Array<() => Promise<unknown>> = [];
async function stopAll(): Promise<void> {
  while (stops.length > 0) {
    const step = stops.pop()!;
    await step().catch((error) => console.error(`cleanup: ${(error as Error).message}`));
  }
}

async function main(): Promise<void> {
  const opts = options();
  let interrupted = false;
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('\nstopping…');
    void stopAll().finally(() => process.exit(130));
  });

  const [rc, meta, stripe, plaid, google] = await Promise.all([startFakeRingCentral(), startFakeMeta(), startFakeStripe(), FakePlaid.start(), FakeGoogle.start()]);
  stops.push(() => rc.close(), () => meta.close(), () => stripe.close(), () => plaid.close(), () => google.close());
  const env: Record<string, string> = {
    ...ringCentralEnv(rc, WEBHOOK_TOKEN),
    ...metaEnv(meta),
    ...stripeEnv(stripe),
    ...plaidEnv(plaid),
    ...google.env(),
    BANK_TOKEN_KEYS: `k1:${randomBytes(32).toString('base64')}`,
    JOBS_POLL_SECONDS: '0.5',
    JOB_RETRY_DELAY_SECONDS: '1',
  };

  let url: string;
  let databaseUrl: string;
  let stopServer: (() => Promise<void>) | null = null;
  if (opts.url) {
    if (!opts.databaseUrl) throw new Error('--url needs --database-url (the server’s DATABASE_URL): some invariants are checked in SQL');
    if (!opts.email || !opts.password) throw new Error('--url needs an admin sign-in: --email and --password (or ADMIN_EMAIL and ADMIN_PASSWORD)');
    writeFileSync(opts.envFile, Object.entries(env).map(([key, value]) => `${key}=${value}`).join('\n') + '\n', { mode: 0o600 });
    console.log(`Wrote the stand-ins' environment to ${opts.envFile}. Start the server with it, e.g.:\n  set -a; . ./${opts.envFile}; set +a; pnpm start\nWaiting for ${opts.url} …`);
    url = opts.url;
    databaseUrl = opts.databaseUrl;
    await waitFor(`the server at ${url}`, async () => (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok, 10 * 60_000);
  } else {
    console.log('Starting the server on a fresh database with local stand-ins for RingCentral, Meta, Stripe, Plaid and Google…');
    const server = await startOwnServer(env, opts.databaseUrl);
    url = server.url;
    databaseUrl = server.databaseUrl;
    stopServer = server.stop;
    stops.push(() => server.stop());
  }

  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  stops.push(() => db.end());
  const login = await graphql(url, `mutation($input: LoginInput!) { login(input: $input) { token userErrors { message } } }`, { input: { email: opts.email, password: opts.password } });
  userErrorsOf(login.login);
  const token = login.login.token as string;
  await waitFor('the server to subscribe to RingCentral webhooks', () => rc.subscriptions.some((subscription) => !subscription.deleted), 30_000);
  await ensureExtensions(url, token);
  // The business's bank, linked the way the console does after Plaid Link.
  const { item: bank, publicToken } = plaid.newItem({ institutionName: 'Solano Community Bank' });
  const linked = await graphql(url, `mutation($publicToken: String!) { exchangePlaidPublicToken(publicToken: $publicToken) { connection { id } userErrors { message } } }`, { publicToken }, token);
  userErrorsOf(linked.exchangePlaidPublicToken);
  const bankConnectionId = linked.exchangePlaidPublicToken.connection.id as string;
  const googleLocation = await connectGoogle(url, token, google).catch((error: Error) => {
    console.log(`Google is not connected (${error.message}): reviews go to the local review source`);
    return null;
  });

  const counts: Counts = { events: 0, customers: 0, bookings: 0, changes: 0, cancellations: 0, escalations: 0, cardPayments: 0, bankCredits: 0, reviews: 0, errors: 0 };
  // Pauses between a customer's steps: a few seconds at a demo's speed, shorter when pushed.
  const stretch = Math.min(1, 4 / opts.speed);
  const dice = new Dice(opts.seed);
  const world: World = {
    url,
    token,
    db,
    rc,
    meta,
    stripe,
    plaid,
    bank,
    google,
    googleLocation,
    pace: new Pace(opts.speed),
    dice,
    counts,
    errorSamples: [],
    pauseMs: (min, max) => (world.windingDown ? 0 : Math.round(dice.int(min, max) * stretch)),
    windingDown: false,
    booked: [],
    bankTransactionIds: [],
  };

  console.log(`Simulating ${opts.durationS} s of customers at ${opts.speed} events/s against ${url} (seed ${opts.seed})`);
  const startedAt = Date.now();
  const progress = setInterval(() => console.log(progressLine(startedAt, counts)), 3000);
  const active = new Set<Promise<void>>();
  const concurrency = Math.max(3, Math.ceil(opts.speed * 3));
  const endAt = startedAt + opts.durationS * 1000;
  while (Date.now() < endAt && !interrupted) {
    if (active.size >= concurrency) {
      await Promise.race([...active, sleep(250)]);
      continue;
    }
    const run: Promise<void> = customer(world)
      .catch((error: Error) => {
        counts.errors += 1;
        if (world.errorSamples.length < 10) world.errorSamples.push(error.message.slice(0, 300));
      })
      .finally(() => active.delete(run));
    active.add(run);
    await sleep(Math.max(50, 1000 / opts.speed));
  }
  const notes: string[] = [];
  world.windingDown = true;
  console.log(`Time is up: letting ${active.size} customers in the middle of something finish…`);
  await Promise.race([Promise.all(active), sleep(60_000)]);
  const bankCreditsIn = async () => (await db.query(`SELECT count(*)::int AS n FROM bank_transaction WHERE external_id = ANY($1)`, [world.bankTransactionIds])).rows[0].n as number;
  await waitFor('the bank credits to be synced', async () => (await bankCreditsIn()) === world.bankTransactionIds.length, 5_000).catch(async () => {
    // A credit whose webhook sync has not finished yet: the owner presses "Sync now", as in the console.
    const missing = world.bankTransactionIds.length - (await bankCreditsIn());
    console.log(`${missing} of ${world.bankTransactionIds.length} bank credits not synced by their webhook; syncing now as the console's "Sync now" does`);
    notes.push(`${missing} of ${world.bankTransactionIds.length} bank credits were not synced by their Plaid webhook in time and needed "Sync now"`);
    const synced = await graphql(url, `mutation($id: ID!) { syncBankTransactions(connectionId: $id) { userErrors { message } } }`, { id: bankConnectionId }, token);
    userErrorsOf(synced.syncBankTransactions);
  });
  // Everything sent has been taken in: the webhooks applied, the texts sent, the bank credits synced.
  await waitFor(
    'the job queue to settle',
    async () =>
      (await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name IN ('webhook.apply', 'outbound.send', 'bank-feed.sync') AND state IN ('created', 'retry', 'active') AND start_after < now() + interval '5 seconds'`)).rows[0].n === 0 &&
      (await db.query(`SELECT count(*)::int AS n FROM bank_transaction WHERE external_id = ANY($1)`, [world.bankTransactionIds])).rows[0].n === world.bankTransactionIds.length,
    60_000,
  ).catch((error: Error) => console.log(`(${error.message})`));
  clearInterval(progress);
  console.log(progressLine(startedAt, counts));
  if (world.errorSamples.length > 0) console.log(`Errors (first ${world.errorSamples.length}):\n${world.errorSamples.map((message) => `  - ${message}`).join('\n')}`);

  const totals = await serverTotals(db);
  console.log(
    `\nIn the database: ${totals.bookings} bookings (${totals.confirmed} confirmed, ${totals.cancelled} cancelled), ${totals.escalations} escalations (${totals.openEscalations} open), ` +
      `${totals.payments} ledger payments ($${(totals.paidCents / 100).toFixed(2)}), ${totals.bankCredits} bank credits (${totals.matched} matched), ${totals.reviews} reviews, ${totals.messages} messages`,
  );

  for (const note of notes) console.log(`Note: ${note}`);
  const invariants = await checkInvariants({ url, token, db, rc, meta });
  console.log('\nSoak invariants:');
  for (const result of invariants) console.log(`  ${result.ok ? 'PASS' : 'FAIL'}  ${result.name} [${result.via}]${result.detail ? `: ${result.detail}` : ''}`);
  const failed = invariants.filter((result) => !result.ok).length;

  if (opts.json) writeFileSync(opts.json, JSON.stringify({ counts, totals, invariants, errors: world.errorSamples, notes }, null, 2));
  process.exitCode = failed > 0 ? 1 : 0;

  if (stopServer && !opts.exit && !interrupted) {
    console.log(`\nSee it alive: open ${url}/ and sign in as ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}\n(the server and its stand-ins keep running; Ctrl-C stops them and drops the demo database)`);
    await new Promise(() => undefined);
  } else if (!stopServer) {
    console.log(`\nSee it alive: open ${url}/ and sign in with the admin account you gave.`);
  }
  await stopAll();
  // Customers still waiting on a reply when the grace period ended hold timers: nothing is left to wait for.
  process.exit(process.exitCode ?? 0);
}

async function serverTotals(db: pg.Client): Promise<Record<string, number>> {
  const { rows } = await db.query(`SELECT
    (SELECT count(*) FROM booking)::int AS bookings,
    (SELECT count(*) FROM booking WHERE status = 'CONFIRMED')::int AS confirmed,
    (SELECT count(*) FROM booking WHERE status = 'CANCELLED')::int AS cancelled,
    (SELECT count(*) FROM escalation)::int AS escalations,
    (SELECT count(*) FROM escalation WHERE status <> 'RESOLVED')::int AS "openEscalations",
    (SELECT count(*) FROM payment)::int AS payments,
    (SELECT coalesce(sum(amount_cents), 0) FROM payment)::int AS "paidCents",
    (SELECT count(*) FROM bank_transaction)::int AS "bankCredits",
    (SELECT count(*) FROM payment WHERE source = 'BANK')::int AS matched,
    (SELECT count(*) FROM review)::int AS reviews,
    (SELECT count(*) FROM message)::int AS messages`);
  return rows[0];
}

main().catch(async (error: Error) => {
  console.error(error.stack ?? error.message);
  await stopAll();
  process.exit(1);
});
