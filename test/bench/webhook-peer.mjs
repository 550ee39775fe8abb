// The bare peer of `pnpm bench:webhooks`: node:http + pg, no framework. It takes RingCentral
// inbound-SMS notifications the way the product does: the Verification-Token compared in
// constant time (SHA-256 of both sides, timingSafeEqual), the envelope checked, then in one
// transaction the same INSERT into webhook_event ... ON CONFLICT DO NOTHING and the same
// pg-boss job (pg-boss's own send, through the transaction's connection), then the same 200.
// It runs against the product's database, so the product's queue applies its events too.
//
// Started by webhook-ingest.mjs: DATABASE_URL=... WEBHOOK_TOKEN=... node test/bench/webhook-peer.mjs
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The server's pg-boss, so the job row is exactly the one the product's enqueue writes.
const PgBoss = createRequire(path.join(root, 'server/package.json'))('pg-boss');

const APPLY_WEBHOOK_EVENT = 'webhook.apply';
const MAX_BODY_BYTES = 1024 * 1024;
const INSTANT_SMS = /\/message-store\/instant(\?|$)/;
const expectedToken = process.env.WEBHOOK_TOKEN ?? '';
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: 'pgboss', max: 1, supervise: false, schedule: false, migrate: false });
await boss.start();

const digest = (value) => createHash('sha256').update(value).digest();
const sameSecret = (given, expected) => timingSafeEqual(digest(given), digest(expected));

function send(res, status, payload, headers = {}) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** The events of one delivery, as the RingCentral source splits an instant-SMS notification. */
function split(envelope) {
  if (!envelope || typeof envelope.uuid !== 'string' || typeof envelope.event !== 'string' || typeof envelope.body !== 'object' || envelope.body === null) {
    throw new Error('Not a RingCentral notification: uuid, event and body are required.');
  }
  if (!INSTANT_SMS.test(envelope.event)) throw new Error('not an instant SMS');
  if (envelope.body.direction !== 'Inbound' || String(envelope.body.type).toUpperCase() !== 'SMS') return [];
  return [{ eventId: envelope.uuid, kind: 'inbound-sms', payload: envelope }];
}

async function accept(events) {
  const client = await pool.connect();
  let stored = 0;
  try {
    await client.query('BEGIN');
    const db = { executeSql: async (text, values) => ({ rows: (await client.query(text, values)).rows }) };
    for (const event of events) {
      const inserted = await client.query(
        `INSERT INTO webhook_event (provider, event_id, kind, payload) VALUES ($1, $2, $3, $4)
         ON CONFLICT (provider, event_id) DO NOTHING RETURNING id`,
        ['ringcentral', event.eventId.slice(0, 200), event.kind, JSON.stringify(event.payload)],
      );
      if (inserted.rows.length === 0) continue;
      const jobId = await boss.send(APPLY_WEBHOOK_EVENT, { webhookEventId: inserted.rows[0].id }, { db });
      if (jobId === null) throw new Error(`could not enqueue ${APPLY_WEBHOOK_EVENT}`);
      stored += 1;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return { stored, duplicates: events.length - stored };
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/webhooks/ringcentral') return send(res, 404, { error: 'not found' });
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) req.destroy();
    else chunks.push(chunk);
  });
  req.on('end', async () => {
    const token = req.headers['verification-token'];
    if (typeof token !== 'string' || token === '') return send(res, 401, { error: 'The request could not be verified.' });
    if (!sameSecret(token, expectedToken)) return send(res, 403, { error: 'The request could not be verified.' });
    let events;
    try {
      events = split(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    } catch (error) {
      return send(res, 400, { error: error.message });
    }
    try {
      const { stored, duplicates } = await accept(events);
      send(res, 200, { received: events.length, stored, duplicates });
    } catch {
      send(res, 503, { error: 'Temporarily unable to accept events. Deliver again later.' }, { 'retry-after': '30' });
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log(`Listening: http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => Promise.all([pool.end(), boss.stop({ graceful: false, wait: false })]).then(() => process.exit(0)));
});
