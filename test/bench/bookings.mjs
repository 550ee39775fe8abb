// Benchmark: the `bookings` query, a page of 50 with each booking's customer, travel quote and
// price, over HTTP under sustained load, against a bare peer in the same run: node:http +
// graphql-js + pg doing the same bearer-token lookup and the same statements
// (bookings-peer.mjs). Both answer from one database of bookings made through the API; the
// answers are checked to be identical first. Then the product's own statement count per request
// at page sizes 10 and 100, which must not grow with the page. Figures and ratios, no pass/fail.
//
// Run after `pnpm build`: `pnpm bench:bookings` (DURATION=15 s per run, CONNECTIONS=20,
// ROUNDS=2, BOOKINGS=120; PROFILE=<dir> records the server's CPU profile of its measured runs and prints
// where its time went). Needs PostgreSQL and Redis like the tests.
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { benchMetricsToken, cpuProfiler, createDatabase, gql, load, login, printTable, profileDirectory, ratio, redisKeyPrefix, redisUrl, runBenchmark, spawnPeer, startServer, superviseChild } from './bench-support.mjs';
import { summarize } from './cpu-profile-summary.mjs';

const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const BOOKINGS = Number(process.env.BOOKINGS ?? 120);
const PAGE = 50;

const CREATE = `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { field message } } }`;
// What a bookings table shows: the event, the customer, the drive and the money.
const PAGE_QUERY = `query BenchBookings($first: Int) {
  bookings(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id status eventDate startTime address adults kids partySize sourceChannel
      customer { id name phone email }
      travelQuote { id miles driveMinutes feeCents band }
      price { foodCents minimumTopUpCents totalCents depositCents paidCents balanceCents }
    } }
  }
}`;
// Places inside the default service area, so every booking gets a quote (offline estimate).
const PLACES = ['Sacramento, CA 95814', 'Davis, CA 95616', 'Fairfield, CA 94533', 'Vacaville, CA 95687', 'Napa, CA 94559', 'Walnut Creek, CA 94596', 'Oakland, CA 94612', 'Fremont, CA 94538'];

async function main() {
  console.log(`Bookings benchmark: a page of ${PAGE} with customer, travel quote and price, ${DURATION} s per run, ${CONNECTIONS} connections, ${ROUNDS} rounds, ${BOOKINGS} bookings.`);
  const database = await createDatabase();
  const profileDir = profileDirectory(process.env.PROFILE, 'bookings');
  const server = await startServer(
    { DATABASE_URL: database.url, ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix() } : {}) },
    { nodeOptions: profileDir ? ['--inspect=127.0.0.1:0'] : [] },
  );
  const profiler = profileDir ? await cpuProfiler(server.inspector) : undefined;
  const profiles = [];
  const token = await login(server.url);
  const start = Date.now() + 7 * 86_400_000;
  for (let i = 0; i < BOOKINGS; i++) {
    const { createBooking } = await gql(
      server.url,
      CREATE,
      {
        input: {
          customer: { name: `Bench Customer ${i}`, email: `bench.${i}@example.test` },
          sourceChannel: 'EMAIL',
          eventDate: new Date(start + (i % 60) * 86_400_000).toISOString().slice(0, 10),
          startTime: `${String(12 + (i % 8)).padStart(2, '0')}:00`,
          address: `${100 + i} Main St, ${PLACES[i % PLACES.length]}`,
          adults: 8 + (i % 30),
          kids: i % 5,
          requestTerms: false,
        },
      },
      token,
    );
    if (createBooking.userErrors.length > 0) throw new Error(`createBooking: ${JSON.stringify(createBooking.userErrors)}`);
  }

  const peer = await superviseChild(
    spawnPeer('bookings-peer.mjs', { DATABASE_URL: database.url }),
    'bare peer',
  );

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const bodyFor = (first) => JSON.stringify({ operationName: 'BenchBookings', query: PAGE_QUERY, variables: { first } });
  const ask = async (url, first) => (await fetch(`${url}/graphql`, { method: 'POST', headers, body: bodyFor(first) })).json();
  const [fromProduct, fromPeer] = await Promise.all([ask(server.url, PAGE), ask(peer.url, PAGE)]);
  if (fromProduct.errors || fromProduct.data?.bookings?.edges?.length !== PAGE) throw new Error(`product answered ${JSON.stringify(fromProduct).slice(0, 500)}`);
  if (fromProduct.data.bookings.edges.some((edge) => !edge.node.travelQuote)) throw new Error('a booking has no travel quote: the bench must read quotes');
  if (!isDeepStrictEqual(fromProduct, fromPeer)) {
    throw new Error(`the peer's answer differs from the product's:\n${JSON.stringify(fromProduct).slice(0, 600)}\n${JSON.stringify(fromPeer).slice(0, 600)}`);
  }
  console.log(`Both answer the same request with the same ${JSON.stringify(fromProduct).length}-byte page.`);

  // Statements per request, from the product's own total (it runs as in production, without
  // counting per operation): the fewest over three tries of one request, so a background job's
  // statement landing in between does not count.
  const statements = async (first) => {
    const read = async () => {
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${benchMetricsToken}` } })).text();
      const line = text.split('\n').find((candidate) => candidate.startsWith('db_statements_total '));
      if (!line) throw new Error('the server reports no db_statements_total');
      return Number(line.slice('db_statements_total '.length));
    };
    const counts = [];
    for (let i = 0; i < 3; i++) {
      const before = await read();
      await ask(server.url, first);
      counts.push((await read()) - before);
    }
    return Math.min(...counts);
  };
  const [ten, hundred] = [await statements(10), await statements(100)];

  const body = bodyFor(PAGE);
  for (const url of [server.url, peer.url]) await autocannon({ url: `${url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, duration: 3 });
  console.log('');
  const product = [];
  const bare = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const runs = [
      ['product', server, product],
      ['bare peer', peer, bare],
    ];
    if (round % 2 === 0) runs.reverse(); // neither always runs on a cooler machine
    for (const [label, target, into] of runs) {
      const profiling = profiler && target === server;
      if (profiling) await profiler.start();
      into.push(await load(`round ${round}: ${label}`, { url: `${target.url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION }, { serverPid: target.pid }));
      if (profiling) profiles.push(await profiler.stop());
    }
  }

  console.log('');
  console.log(`Summary (bookings page of ${PAGE}, 2xx answers only)`);
  const rows = [['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx/err']];
  for (let i = 0; i < ROUNDS; i++) for (const r of [product[i], bare[i]]) rows.push([r.label, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.non2xx + r.errors)]);
  printTable(rows);
  for (let i = 0; i < ROUNDS; i++) console.log(`  round ${i + 1} product / peer: req/s ${ratio(product[i].rps, bare[i].rps)}, p99 ${ratio(product[i].p99, bare[i].p99)}`);
  const mean = (runs, key) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  console.log(`  all rounds product / peer: req/s ${ratio(mean(product, 'rps'), mean(bare, 'rps'))} (${mean(product, 'rps').toFixed(0)} vs ${mean(bare, 'rps').toFixed(0)} req/s; target x0.75)`);
  console.log(`  server CPU per request: product ${mean(product, 'cpuMsPerRequest').toFixed(2)} ms, peer ${mean(bare, 'cpuMsPerRequest').toFixed(2)} ms (peer / product ${ratio(mean(bare, 'cpuMsPerRequest'), mean(product, 'cpuMsPerRequest'))}; steadier than req/s when other work shares the cores)`);
  console.log(`  SQL statements per request: page of 10: ${ten}, page of 100: ${hundred}${ten === hundred ? ' (does not grow with the page)' : ' (GROWS with the page)'}`);
  if (server.exited()) throw new Error(`the server exited during the run: ${server.output()}`);
  for (const [i, profile] of profiles.entries()) {
    const file = path.join(profileDir, `server-round-${i + 1}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log('');
    summarize(file);
  }
}

await runBenchmark(main);
