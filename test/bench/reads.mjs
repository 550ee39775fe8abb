// Benchmark: the console's extensions page (the Extensions query with its ExtensionFields
// fragment, first: 50) over HTTP under sustained load, against a bare peer in the same run:
// node:http + graphql-js + pg doing the same bearer-token lookup and the same statements
// (reads-peer.mjs). Both answer from the same database of 50 extensions created through the
// API; the answers are checked to be identical first. Rounds alternate product and peer.
// Figures and ratios, no pass/fail.
//
// Run after `pnpm build`: `pnpm bench:reads` (DURATION=15 s per run, CONNECTIONS=20, ROUNDS=2).
// PROFILE=<dir> also records a CPU profile of the server during its measured runs (through
// its inspector), writes it to <dir> and prints where its time went. Needs PostgreSQL and Redis like the tests:
// DATABASE_ADMIN_URL (default the local server) and REDIS_URL (REDIS_URL= for in-process).
import { isDeepStrictEqual } from 'node:util';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  consoleDocument,
  cpuProfiler,
  createDatabase,
  gql,
  load,
  login,
  printTable,
  profileDirectory,
  ratio,
  redisKeyPrefix,
  redisUrl,
  runBenchmark,
  spawnPeer,
  startServer,
  superviseChild,
} from './bench-support.mjs';
import { summarize } from './cpu-profile-summary.mjs';

const DURATION = Number(process.env.DURATION ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.ROUNDS ?? 2);
const EXTENSIONS = 50;
const TIME_ZONE = 'America/New_York';

const createExtension = `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id } userErrors { field message } } }`;
const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

async function main() {
  console.log(`Reads benchmark: the console's Extensions query (first: ${EXTENSIONS}) over HTTP, ${DURATION} s per run, ${CONNECTIONS} connections, ${ROUNDS} rounds.`);
  const database = await createDatabase();
  const redisPrefix = redisKeyPrefix();
  const profileDir = profileDirectory(process.env.PROFILE, 'reads');
  const server = await startServer(
    { DATABASE_URL: database.url, BUSINESS_TIME_ZONE: TIME_ZONE, ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisPrefix } : {}) },
    { nodeOptions: profileDir ? ['--inspect=127.0.0.1:0'] : [] },
  );
  const profiler = profileDir ? await cpuProfiler(server.inspector) : undefined;
  const token = await login(server.url);
  // Every extension AVAILABLE with weekday hours, so availableNow runs the whole rule for each.
  for (let i = 0; i < EXTENSIONS; i++) {
    const { createExtension: created } = await gql(
      server.url,
      createExtension,
      {
        input: {
          number: 100 + i,
          employeeName: `Bench Employee ${i}`,
          role: i % 3 === 0 ? 'Bookings' : 'Events',
          phone: `+1555${String(1000000 + i).padStart(7, '0')}`,
          status: 'AVAILABLE',
          workingHours: [...weekdays.map((day) => ({ day, start: '09:00', end: '17:00' })), { day: 'SATURDAY', start: '10:00', end: '14:00' }],
        },
      },
      token,
    );
    if (created.userErrors.length > 0) throw new Error(`createExtension: ${JSON.stringify(created.userErrors)}`);
  }

  const peer = await superviseChild(
    spawnPeer('reads-peer.mjs', { DATABASE_URL: database.url, BUSINESS_TIME_ZONE: TIME_ZONE }),
    'bare peer',
  );

  const query = consoleDocument('Extensions');
  const body = JSON.stringify({ operationName: 'Extensions', query, variables: { first: EXTENSIONS } });
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const ask = async (url) => (await fetch(`${url}/graphql`, { method: 'POST', headers, body })).json();
  const [fromProduct, fromPeer] = await Promise.all([ask(server.url), ask(peer.url)]);
  if (fromProduct.errors || fromProduct.data?.extensions?.edges?.length !== EXTENSIONS) throw new Error(`product answered ${JSON.stringify(fromProduct).slice(0, 500)}`);
  if (!isDeepStrictEqual(fromProduct, fromPeer)) {
    throw new Error(`the peer's answer differs from the product's:\n${JSON.stringify(fromProduct).slice(0, 400)}\n${JSON.stringify(fromPeer).slice(0, 400)}`);
  }
  console.log(`Both answer the same ${body.length}-byte request with the same ${JSON.stringify(fromProduct).length}-byte page.`);

  const run = async (label, url) => {
    if (profiler && url === server.url) await profiler.start();
    const figures = await load(label, { url: `${url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, duration: DURATION });
    if (profiler && url === server.url) profiles.push(await profiler.stop());
    return figures;
  };
  const profiles = [];
  // Warm-up: connections, JIT, the pools.
  for (const url of [server.url, peer.url]) await autocannon({ url: `${url}/graphql`, method: 'POST', headers, body, connections: CONNECTIONS, duration: 3 });

  console.log('');
  const product = [];
  const bare = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // Alternate which goes first, so neither always runs on a cooler machine.
    if (round % 2 === 1) {
      product.push(await run(`round ${round}: product`, server.url));
      bare.push(await run(`round ${round}: bare peer`, peer.url));
    } else {
      bare.push(await run(`round ${round}: bare peer`, peer.url));
      product.push(await run(`round ${round}: product`, server.url));
    }
  }

  console.log('');
  console.log('Summary (extensions page of 50, 2xx answers only)');
  const rows = [['run', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx/err']];
  for (let i = 0; i < ROUNDS; i++) {
    for (const r of [product[i], bare[i]]) rows.push([r.label, r.rps.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), String(r.non2xx + r.errors)]);
  }
  printTable(rows);
  for (let i = 0; i < ROUNDS; i++) {
    const [p, b] = [product[i], bare[i]];
    console.log(`  round ${i + 1} product / peer: req/s ${ratio(p.rps, b.rps)}, p50 ${ratio(p.p50, b.p50)}, p99 ${ratio(p.p99, b.p99)}`);
  }
  const mean = (runs, key) => runs.reduce((sum, r) => sum + r[key], 0) / runs.length;
  console.log(`  all rounds product / peer: req/s ${ratio(mean(product, 'rps'), mean(bare, 'rps'))} (${mean(product, 'rps').toFixed(0)} vs ${mean(bare, 'rps').toFixed(0)} req/s)`);
  if (server.exited()) throw new Error(`the server exited during the run: ${server.output()}`);

  for (const [i, profile] of profiles.entries()) {
    const file = path.join(profileDir, `server-round-${i + 1}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log('');
    summarize(file);
  }
}

await runBenchmark(main);
