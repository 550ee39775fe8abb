// Generates the labeled bank credits the payment matcher is measured on
// (labeled-credits.json beside this file): bookings and the bank credits a business sees against
// them, each credit labeled with the booking it pays (or none) and how (DEPOSIT, FULL, BALANCE,
// BALANCE_WITH_TIP). Deterministic: the same seeds give the same file, byte for byte.
//
// Two splits with their own customers: TUNING (seed 1401, surnames from one half of the list)
// and BLIND (seed 2802, the other half of the surnames, its own people, dates and amounts). The
// matcher's rules may be tuned on TUNING only; BLIND is scored, never read for misses.
//
// Run: `node test/payments/generate-labeled-credits.mjs` (rewrites the JSON).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A small seeded generator (mulberry32): the set must not change between runs. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** One of `options`, given as [weight, value] pairs. */
  const weighted = (options) => {
    const total = options.reduce((sum, [weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [weight, value] of options) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return options.at(-1)[1];
  };
  const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(next() * 16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
  const code = (n) => Array.from({ length: n }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'[Math.floor(next() * 34)]).join('');
  return { next, int, pick, chance, weighted, uuid, code };
}

// Given names with the nicknames people use for them (written for this set from common US usage).
const GIVEN = [
  ['William', 'Bill', 'Will', 'Billy'], ['Elizabeth', 'Liz', 'Beth', 'Betty'], ['Robert', 'Bob', 'Rob', 'Bobby'],
  ['Richard', 'Rick', 'Rich'], ['James', 'Jim', 'Jimmy'], ['John', 'Jack', 'Johnny'], ['Michael', 'Mike'],
  ['Christopher', 'Chris'], ['Jennifer', 'Jen', 'Jenny'], ['Katherine', 'Kate', 'Katie', 'Kathy'], ['Margaret', 'Maggie', 'Peggy'],
  ['Thomas', 'Tom', 'Tommy'], ['Daniel', 'Dan', 'Danny'], ['Matthew', 'Matt'], ['Anthony', 'Tony'], ['Joseph', 'Joe'],
  ['Patricia', 'Pat', 'Patty'], ['Susan', 'Sue'], ['Deborah', 'Deb', 'Debbie'], ['Alexander', 'Alex'], ['Benjamin', 'Ben'],
  ['Nicholas', 'Nick'], ['Jonathan', 'Jon'], ['Samantha', 'Sam'], ['Rebecca', 'Becky'], ['Victoria', 'Vicky'],
  ['Edward', 'Ed', 'Eddie'], ['Charles', 'Charlie', 'Chuck'], ['Steven', 'Steve'], ['Andrew', 'Andy', 'Drew'], ['Timothy', 'Tim'],
  ['Kimberly', 'Kim'], ['Jessica', 'Jess'], ['Stephanie', 'Steph'], ['Gregory', 'Greg'], ['Raymond', 'Ray'], ['Ronald', 'Ron'],
  ['Kenneth', 'Ken'], ['Lawrence', 'Larry'], ['Abigail', 'Abby'], ['Christina', 'Tina'], ['Frederick', 'Fred'], ['Zachary', 'Zach'],
  ['Maria'], ['Jose'], ['Wei'], ['Priya'], ['Aisha'], ['Carlos'], ['Mei'], ['Tyler'], ['Brandon'], ['Ashley'], ['Lauren'],
  ['Hannah'], ['Olivia'], ['Ethan'], ['Noah'], ['Sophia'], ['Isabel'], ['Marcus'], ['Derek'], ['Vanessa'], ['Diego'], ['Ananya'],
  ['Kevin'], ['Brian'], ['Rachel'], ['Monica'], ['Grace'], ['Leah'], ['Omar'], ['Hector'], ['Yuki'], ['Tamika'], ['Jasmine'],
];
// Surnames; TUNING takes the even places, BLIND the odd ones, so the splits share no family.
const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez',
  'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White',
  'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres',
  'Nguyen', 'Hill', 'Flores', 'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gomez', 'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart', 'Morris', 'Morales',
  'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos',
  'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks', 'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz',
  'Hughes', 'Price', 'Alvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Powell', 'Jenkins',
  'Perry', 'Russell', 'Sullivan', 'Bell', 'Coleman', 'Butler', 'Henderson', 'Barnes', 'Gonzales', 'Fisher', 'Vasquez', 'Simmons',
  'Romero', 'Jordan', 'Patterson', 'Alexander', 'Hamilton', 'Graham', 'Reynolds', 'Griffin', 'Wallace', 'Moreno', 'West', 'Cole',
  'Hayes', 'Bryant', 'Herrera', 'Gibson', 'Ellis', 'Tran', 'Medina', 'Aguilar', 'Stevens', 'Murray', 'Ford', 'Castro', 'Marshall',
  'Owens', 'Harrison', 'Fernandez', 'McDonald', 'Woods', 'Washington', 'Kennedy', 'Wells', 'Vargas', 'Henry', 'Chen', 'Freeman',
  'Webb', 'Tucker', 'Guzman', 'Burns', 'Crawford', 'Olson', 'Simpson', 'Porter', 'Hunter', 'Gordon', 'Mendez', 'Silva', 'Shaw',
  'Snyder', 'Mason', 'Dixon', 'Munoz', 'Hunt', 'Hicks', 'Holmes', 'Palmer', 'Wagner', 'Black', 'Robertson', 'Boyd', 'Rose',
  'Stone', 'Salazar', 'Fox', 'Warren', 'Mills', 'Meyer', 'Rice', 'Schmidt', 'Garza', 'Daniels', 'Ferguson', 'Nichols', 'Stephens',
  'Soto', 'Weaver', 'Ryan', 'Gardner', 'Payne', 'Grant', 'Dunn', 'Kelley', 'Spencer', 'Hawkins', 'Arnold', 'Pierce', 'Vazquez',
  'Hansen', 'Peters', 'Santos', 'Hart', 'Bradley', 'Knight', 'Elliott', 'Cunningham', 'Duncan', 'Armstrong', 'Hudson', 'Carroll',
  'Lane', 'Riley', 'Andrews', 'Alvarado', 'Ray', 'Delgado', 'Berry', 'Perkins', 'Hoffman', 'Johnston', 'Matthews', 'Pena',
  'Richards', 'Contreras', 'Willis', 'Carpenter', 'Lawrence', 'Sandoval', 'Christensen', 'Featherstonehaugh', 'Vanderberg',
  'Montgomery', 'Richardson-Blake', 'Fitzgerald', 'Oconnor', 'Castellanos', 'Villanueva', 'Hollingsworth', 'Kowalczyk',
];
const CITIES = ['SACRAMENTO CA', 'DAVIS CA', 'OAKLAND CA', 'FREMONT CA', 'NAPA CA'];

const day = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso, days) => isoDay(Date.parse(iso) + days * day);
const reference = (id) => `HB-${id.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
const mmdd = (iso) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}`;

function generateSplit({ name, seed, bookings: bookingCount, firstEvent, days, today, surnames }) {
  const r = random(seed);
  const bookings = [];
  const credits = [];
  const personOf = new Map();

  const person = () => {
    const given = r.pick(GIVEN);
    // Some customers are on file under their nickname ("Bill Jones") and pay under the full name.
    const first = given.length > 1 && r.chance(0.25) ? r.pick(given.slice(1)) : given[0];
    const last = r.pick(surnames);
    const middle = r.chance(0.3) ? r.pick('ABCDEJKLMRST'.split('')) : null;
    const phone = r.chance(0.85) ? `+1${r.pick(['916', '530', '707', '510', '925'])}555${String(r.int(0, 9999)).padStart(4, '0')}` : null;
    return { given, first, last, middle, phone, name: `${first} ${last}` };
  };

  const addBooking = (who, eventDate, priceOf) => {
    const adults = r.int(8, 40);
    const kids = r.chance(0.5) ? r.int(1, 8) : 0;
    const travel = r.chance(0.5) ? 0 : r.int(1, 35) * 200;
    const food = adults * 6000 + kids * 3000;
    const total = priceOf?.totalCents ?? Math.max(60000, food) + travel;
    const deposit = priceOf?.depositCents ?? r.weighted([[75, 10000], [20, 20000], [5, 15000]]);
    const id = r.uuid();
    const past = eventDate < today;
    const status = r.chance(0.07) ? 'CANCELLED' : past ? 'COMPLETED' : r.weighted([[80, 'CONFIRMED'], [12, 'PENDING_TERMS'], [8, 'INQUIRY']]);
    const booking = { id, reference: reference(id), customerName: who.name, customerPhone: who.phone, eventDate, status, depositCents: deposit, totalCents: total, paidCents: 0 };
    bookings.push(booking);
    personOf.set(id, who);
    return booking;
  };

  // Bookings: one per person mostly; some people book twice; some pairs of people have similar
  // names with events days apart and the same party (the same price).
  for (let i = 0; bookings.length < bookingCount; i++) {
    const who = person();
    const eventDate = addDays(firstEvent, r.int(0, days - 1));
    const booking = addBooking(who, eventDate);
    if (r.chance(0.06)) {
      // The same customer's second booking, weeks apart, same phone.
      addBooking(who, addDays(eventDate, r.weighted([[1, r.int(14, 60)], [1, -r.int(14, 60)]])));
    }
    if (r.chance(0.08)) {
      // A customer with a similar name, days apart, same party and price.
      const twin = { ...who };
      const variant = r.int(0, 2);
      if (variant === 0) twin.last = who.last.slice(0, -2) + who.last.at(-1) + who.last.at(-2); // a letter pair swapped
      else if (variant === 1) twin.first = r.pick(GIVEN.filter((g) => g[0][0] === who.given[0][0] && g !== who.given))?.[0] ?? r.pick(GIVEN)[0];
      else twin.first = who.first.length > 3 ? who.first.slice(0, -1) : `${who.first}a`;
      twin.name = `${twin.first} ${twin.last}`;
      twin.given = GIVEN.find((g) => g.includes(twin.first)) ?? [twin.first];
      twin.phone = r.chance(0.85) ? `+1916555${String(r.int(0, 9999)).padStart(4, '0')}` : null;
      addBooking(twin, addDays(eventDate, r.int(-3, 3)), booking);
    }
  }

  const credit = (fields, expected, kind) => {
    credits.push({ id: `${name}-${String(credits.length + 1).padStart(5, '0')}`, counterpartyName: null, ...fields, expected, case: kind });
  };

  // How a payer shows in the bank line, and which hard case that is.
  const presentName = (booking, who) => {
    const upper = (s) => s.toUpperCase();
    const variant = r.weighted([
      [38, 'exact'], [8, 'middle-initial'], [9, 'nickname'], [9, 'initial'], [8, 'cut-short'], [7, 'relative'],
      [4, 'typo'], [3, 'comma-order'], [3, 'reference-in-memo'], [3, 'phone-in-memo'],
    ]);
    const full = (first) => `${first} ${who.last}`;
    switch (variant) {
      case 'middle-initial':
        return { name: upper(`${who.first} ${who.middle ?? 'J'} ${who.last}`), kind: 'middle-initial' };
      case 'nickname': {
        if (who.given.length === 1) return { name: upper(who.name), kind: 'exact' };
        const other = who.first === who.given[0] ? r.pick(who.given.slice(1)) : who.given[0];
        return { name: upper(full(other)), kind: who.first === who.given[0] ? 'nickname' : 'full-name-of-nickname' };
      }
      case 'initial':
        return r.chance(0.5) ? { name: upper(`${who.first[0]} ${who.last}`), kind: 'initial' } : { name: upper(`${who.last} ${who.first[0]}`), kind: 'initial' };
      case 'cut-short': {
        const long = upper(`${who.given[0]} ${who.middle ?? ''} ${who.last}`.replace(/\s+/g, ' '));
        const cut = r.int(15, 18);
        return long.length > cut ? { name: long.slice(0, cut).trim(), kind: 'cut-short' } : { name: long, kind: 'exact' };
      }
      case 'relative': {
        const first = r.pick(GIVEN.filter((g) => g[0] !== who.given[0]))[0];
        return { name: upper(full(first)), kind: 'relative' };
      }
      case 'typo': {
        const last = who.last.length > 4 ? who.last.slice(0, 2) + who.last[3] + who.last[2] + who.last.slice(4) : `${who.last}e`;
        return { name: upper(`${who.first} ${last}`), kind: 'typo' };
      }
      case 'comma-order':
        return { name: upper(`${who.last}, ${who.first}`), kind: 'comma-order' };
      case 'reference-in-memo':
        // Someone else pays (a friend, a spouse with another name) and quotes the reference.
        return { name: upper(`${r.pick(GIVEN)[0]} ${r.pick(surnames)}`), kind: 'reference-in-memo', memo: booking.reference };
      case 'phone-in-memo':
        return who.phone
          ? { name: upper(`${r.pick(GIVEN)[0]} ${r.pick(surnames)}`), kind: 'phone-in-memo', memo: `(${who.phone.slice(2, 5)}) ${who.phone.slice(5, 8)}-${who.phone.slice(8)}` }
          : { name: upper(who.name), kind: 'exact' };
      default:
        return { name: upper(who.name), kind: 'exact' };
    }
  };

  const describe = (payer, postedOn) => {
    const memo = payer.memo ? ` ${payer.memo}` : r.chance(0.15) ? r.pick([' hibachi', ` hibachi ${mmdd(postedOn)}`, ' for the party', ' dinner']) : '';
    const channel = r.weighted([[55, 'zelle'], [14, 'venmo'], [14, 'cash-app'], [12, 'transfer'], [2, 'check']]);
    const name = payer.name;
    const [firstWord] = name.replace(',', '').split(' ');
    const lastWord = name.replace(',', '').split(' ').at(-1);
    switch (channel) {
      case 'venmo': {
        if (payer.kind === 'exact' && r.chance(0.6)) {
          const handle = r.chance(0.5) ? `${firstWord[0]}${lastWord}` : `${firstWord}${r.pick(['', '-', '_'])}${lastWord}${r.chance(0.3) ? r.int(1, 99) : ''}`;
          return { description: `VENMO *${handle.slice(0, 15)}${memo}`, counterpartyName: r.chance(0.5) ? 'Venmo' : null, kind: 'venmo-handle' };
        }
        return { description: `VENMO *${name.slice(0, 18)}${memo}`, counterpartyName: r.chance(0.5) ? 'Venmo' : null };
      }
      case 'cash-app':
        return { description: r.chance(0.7) ? `CASH APP*${name}${memo}` : `Cash App*${name}*${r.pick(CITIES)}${memo}`, counterpartyName: r.chance(0.4) ? 'Cash App' : null };
      case 'transfer':
        return r.chance(0.5)
          ? { description: `ONLINE TRANSFER FROM ${name} REF #IB${r.code(8)}${memo}` }
          : { description: `ACH CREDIT ${name} PPD ID: ${r.int(1000000000, 9999999999)}${memo}` };
      case 'check':
        return { description: `MOBILE DEPOSIT REF ${r.int(100000, 999999)}${memo}`, kind: 'check-no-name' };
      default: {
        const style = r.int(0, 3);
        const counterpartyName = r.chance(0.3) && payer.kind !== 'cut-short' ? name.replace(',', '').split(' ').map((w) => w[0] + w.slice(1).toLowerCase()).join(' ') : null;
        if (style === 0) return { description: `Zelle payment from ${name}${memo} Conf# ${r.code(6).toLowerCase()}`, counterpartyName };
        if (style === 1) return { description: `ZELLE FROM ${name} ON ${mmdd(postedOn)} REF # ${r.code(10)}${memo}`, counterpartyName };
        if (style === 2) return { description: `Zelle Transfer Conf# ${r.code(9)}; ${name}${memo}`, counterpartyName };
        return { description: `ZELLE PAYMENT FROM ${name}${memo} ${r.code(11)}`, counterpartyName };
      }
    }
  };

  const pay = (booking, who, type, amountCents, postedOn, kind) => {
    const payer = presentName(booking, who);
    const line = describe(payer, postedOn);
    const cases = [kind, payer.kind, line.kind].filter((k) => k && k !== 'exact');
    credit(
      { amountCents, postedOn, description: line.description, counterpartyName: line.counterpartyName ?? null },
      { bookingId: booking.id, type },
      cases.length > 0 ? cases.join('+') : 'exact',
    );
  };

  const round = (cents, step) => Math.round(cents / step) * step;
  for (const booking of bookings) {
    const who = personOf.get(booking.id);
    const before = (min, max) => addDays(booking.eventDate, -r.int(min, max));
    const after = (min, max) => addDays(booking.eventDate, r.int(min, max));
    const posted = (iso) => iso <= today;
    if (booking.status === 'CANCELLED') {
      const on = before(5, 60);
      if (r.chance(0.6) && posted(on)) pay(booking, who, 'DEPOSIT', booking.depositCents, on, 'cancelled-booking');
      continue;
    }
    const how = r.weighted([[50, 'card-deposit'], [35, 'bank-deposit'], [15, 'full']]);
    if (how === 'full') {
      const on = r.chance(0.8) ? before(3, 45) : after(-1, 3);
      if (posted(on)) pay(booking, who, 'FULL', booking.totalCents, on, 'full');
      continue;
    }
    if (how === 'card-deposit') booking.paidCents = booking.depositCents;
    else {
      const on = before(3, 90);
      if (posted(on)) pay(booking, who, 'DEPOSIT', booking.depositCents, on, 'deposit');
    }
    const balance = booking.totalCents - booking.depositCents;
    const plan = r.weighted([[55, 'balance'], [20, 'tip'], [9, 'split'], [8, 'late'], [8, 'none']]);
    if (plan === 'balance') {
      const on = after(-1, 4);
      if (posted(on)) pay(booking, who, 'BALANCE', balance, on, 'balance');
    } else if (plan === 'tip' || plan === 'late') {
      // A 5-50% tip, often rounded: the tip to $5 or $10, or the whole payment up to one.
      let tip = round((balance * r.int(5, 50)) / 100, 100);
      const rounding = r.weighted([[40, 0], [30, 500], [30, 1000]]);
      if (rounding && r.chance(0.5)) tip = Math.max(rounding, round(tip, rounding));
      else if (rounding) tip = Math.ceil((balance + tip) / rounding) * rounding - balance;
      const amount = balance + tip;
      const tipped = plan === 'tip' || r.chance(0.4);
      const on = plan === 'late' ? after(7, 12) : after(0, 3);
      if (posted(on)) pay(booking, who, tipped ? 'BALANCE_WITH_TIP' : 'BALANCE', tipped ? amount : balance, on, plan === 'late' ? 'week-late' : 'tip');
    } else if (plan === 'split') {
      // Half now, the rest later; often a round first part that equals someone's deposit.
      const first = r.chance(0.5) ? r.pick([10000, 20000]) : round(balance / 2, 5000);
      if (first >= balance) continue;
      const on = after(-2, 2);
      if (posted(on)) pay(booking, who, 'BALANCE', first, on, 'split-balance');
      const second = addDays(on, r.int(1, 6));
      if (posted(second)) pay(booking, who, 'BALANCE', balance - first, second, 'split-balance');
    }
  }

  // Credits that belong to no booking, and debits (money out), which must stay unmatched.
  const unrelated = Math.round(credits.length * 0.22);
  const everyDay = (Date.parse(today) - Date.parse(firstEvent)) / day;
  for (let i = 0; i < unrelated; i++) {
    const on = addDays(firstEvent, r.int(0, everyDay));
    const kind = r.weighted([
      [16, 'stripe-payout'], [8, 'square-payout'], [8, 'interest'], [12, 'own-transfer'], [8, 'venmo-cashout'], [12, 'merchant-refund'],
      [14, 'zelle-from-stranger'], [8, 'zelle-from-namesake'], [14, 'debit'],
    ]);
    const deposit = r.weighted([[3, 10000], [1, 20000]]);
    switch (kind) {
      case 'stripe-payout':
        credit({ amountCents: r.chance(0.3) ? deposit : deposit * r.int(2, 6), postedOn: on, description: `STRIPE TRANSFER ST-${r.code(12)}`, counterpartyName: r.chance(0.5) ? 'Stripe' : null }, null, kind);
        break;
      case 'square-payout':
        credit({ amountCents: r.int(5000, 250000), postedOn: on, description: `SQUARE INC ${on.slice(2).replace(/-/g, '')} SQ${r.code(8)}`, counterpartyName: null }, null, kind);
        break;
      case 'interest':
        credit({ amountCents: r.int(3, 4000), postedOn: on, description: r.pick(['INTEREST PAYMENT', 'INTEREST EARNED', 'Interest Paid']), counterpartyName: null }, null, kind);
        break;
      case 'own-transfer':
        credit({ amountCents: r.pick([10000, 50000, 100000, 250000, r.int(10000, 500000)]), postedOn: on, description: r.pick([`ONLINE TRANSFER FROM SAV ...${r.int(1000, 9999)}`, `TRANSFER FROM SAVINGS XXXXXX${r.int(1000, 9999)}`, `Online Banking transfer from CHK ${r.int(1000, 9999)} Confirmation# ${r.code(10)}`]), counterpartyName: null }, null, kind);
        break;
      case 'venmo-cashout':
        credit({ amountCents: r.int(5000, 150000), postedOn: on, description: r.pick(['VENMO CASHOUT', 'VENMO *CASHOUT PPD', 'CASH APP*CASH OUT']), counterpartyName: null }, null, kind);
        break;
      case 'merchant-refund':
        credit({ amountCents: r.int(500, 40000), postedOn: on, description: r.pick(['RESTAURANT DEPOT REFUND', 'AMAZON.COM REFUND', 'COSTCO WHSE RETURN', 'SYSCO CREDIT MEMO', 'IRS TREAS 310 TAX REF']), counterpartyName: null }, null, kind);
        break;
      case 'zelle-from-stranger': {
        const stranger = `${r.pick(GIVEN)[0]} ${r.pick(surnames)}`.toUpperCase();
        if (bookings.some((b) => b.customerName.toUpperCase() === stranger)) break;
        credit({ amountCents: r.chance(0.5) ? deposit : r.int(2000, 80000), postedOn: on, description: `Zelle payment from ${stranger} Conf# ${r.code(6).toLowerCase()}`, counterpartyName: null }, null, kind);
        break;
      }
      case 'zelle-from-namesake': {
        // Someone who shares a customer's surname and pays for something else (a chef's helper, a refund of cash).
        const b = r.pick(bookings);
        const first = r.pick(GIVEN)[0];
        if (b.customerName.startsWith(first)) break;
        credit({ amountCents: r.int(1500, 30000), postedOn: on, description: `Zelle payment from ${`${first} ${b.customerName.split(' ').at(-1)}`.toUpperCase()} Conf# ${r.code(6).toLowerCase()}`, counterpartyName: null }, null, kind);
        break;
      }
      default: {
        const b = r.pick(bookings);
        credit({ amountCents: -r.pick([b.depositCents, r.int(1000, 90000)]), postedOn: on, description: r.pick([`ZELLE TO ${b.customerName.toUpperCase()} REFUND`, `CHECK ${r.int(1000, 1999)}`, 'RESTAURANT DEPOT PURCHASE', `REFUND TO ${b.customerName.toUpperCase()}`]), counterpartyName: null }, null, 'refund-or-debit');
      }
    }
  }

  // The bank's order: by day, then as it happened to come.
  for (let i = credits.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [credits[i], credits[j]] = [credits[j], credits[i]];
  }
  credits.sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : 0));
  return { seed, today, bookings, credits };
}

const tuning = generateSplit({ name: 'tuning', seed: 1401, bookings: 1000, firstEvent: '2026-02-01', days: 250, today: '2026-10-15', surnames: SURNAMES.filter((_, i) => i % 2 === 0) });
const blind = generateSplit({ name: 'blind', seed: 2802, bookings: 450, firstEvent: '2026-06-01', days: 112, today: '2026-09-30', surnames: SURNAMES.filter((_, i) => i % 2 === 1) });

const file = path.join(here, 'labeled-credits.json');
writeFileSync(
  file,
  `${JSON.stringify(
    {
      about:
        'Generated by generate-labeled-credits.mjs (do not edit by hand). Each credit is labeled with the booking it pays and how, or null when it must stay unmatched; `case` names the hard case it is. TUNING may be used to tune the matcher; BLIND is only scored.',
      tuning,
      blind,
    },
    null,
    0,
  )}\n`,
);
const count = (split) => `${split.bookings.length} bookings, ${split.credits.length} credits (${split.credits.filter((c) => c.expected).length} labeled with a booking)`;
console.log(`tuning: ${count(tuning)}\nblind: ${count(blind)}\nwritten to ${path.relative(process.cwd(), file)}`);
