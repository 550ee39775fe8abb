// Benchmark: the `metrics` query for 90 days over HTTP, against the same SQL run directly.
//
// A fresh database gets 10,000 bookings and 100,000 messages over the last 90 days, with
// escalations, invalid terms replies, reviews, bank credits and webhook rejections in
// proportion (seeded in SQL: the figures are about reading, not writing). Then, one request at
// a time, BENCH_RUNS (50) runs of the GraphQL query through the real server, and BENCH_RUNS runs
// of its statements straight through pg, side by side as the server runs them (one pool, all at
// once), and the ratio. EXPLAIN=1 prints each statement's plan. Figures, no pass/fail.
//
// Run after `pnpm build`: `pnpm bench:metrics`. Needs PostgreSQL and Redis like the tests.
import pg from 'pg';
import { createDatabase, gql, login, pct, printTable, ratio, redisKeyPrefix, redisUrl, runBenchmark, startServer } from './bench-support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const BOOKINGS = 10_000;
const MESSAGES = 100_000;
const DAYS = 90;
const ZONE = 'America/Los_Angeles';

const QUERY = `query BenchMetrics($from: String!, $to: String!) {
  metrics(from: $from, to: $to) {
    from to conversations aiAnsweredConversations aiBookedConversations aiBookingSuccessRate escalatedConversations escalationRate
    inquiries convertedInquiries conversionRate revenueCents channels { channel bookings confirmed revenueCents }
    termsRequested termsAcknowledged termsAcknowledgmentRate invalidTermsReplies maxInvalidTermsRepliesPerDay
    aiResponse { replies medianSeconds p90Seconds } staffResponse { replies medianSeconds p90Seconds }
    reviews averageRating daily { date bookings confirmed revenueCents invalidTermsReplies reviews averageRating }
    webhookSignatureFailuresLastHour unmatchedPayments { count amountCents olderThanDays } depositsCents
  }
}`;

/** The statements the server runs for one metrics request (each module's repository), with their parameters. */
function statements({ from, to, termsFrom, hourAgo, unmatchedBefore }) {
  return [
    [`SELECT count(*)::int AS threads, count(*) FILTER (WHERE t.ai)::int AS "aiAnswered", count(*) FILTER (WHERE t.ai AND c.booking_id IS NOT NULL)::int AS "aiBooked"
      FROM (SELECT conversation_id, sum(ai_messages) > 0 AS ai FROM thread_activity WHERE quarter >= $1 AND quarter < $2
            GROUP BY conversation_id HAVING sum(customer_messages) > 0) t
      JOIN conversation c ON c.id = t.conversation_id`, [from, to]],
    [`SELECT author, count(*)::int AS replies, percentile_cont(0.5) WITHIN GROUP (ORDER BY reply_seconds)::float8 AS "medianSeconds", percentile_cont(0.9) WITHIN GROUP (ORDER BY reply_seconds)::float8 AS "p90Seconds"
      FROM message WHERE reply_seconds IS NOT NULL AND created_at >= $1 AND created_at < $2 GROUP BY author ORDER BY author`, [from, to]],
    [`SELECT count(DISTINCT conversation_id)::int AS threads FROM escalation WHERE created_at >= $1 AND created_at < $2`, [from, to]],
    [`SELECT source_channel AS channel, to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS bookings,
             count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS confirmed,
             coalesce(sum(GREATEST(adults * price_per_adult_cents + kids * price_per_kid_cents, minimum_spend_cents) + travel_fee_cents)
               FILTER (WHERE confirmed_at IS NOT NULL AND status <> 'CANCELLED'), 0)::float8 AS "revenueCents"
      FROM booking WHERE created_at >= $1 AND created_at < $2
      GROUP BY GROUPING SETS ((source_channel), (to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD'))) ORDER BY 1, 2`, [from, to, ZONE]],
    [`SELECT count(*) FILTER (WHERE status IN ('PENDING_TERMS', 'CONFIRMED', 'COMPLETED') OR confirmed_at IS NOT NULL)::int AS asked,
             count(*) FILTER (WHERE confirmed_at IS NOT NULL)::int AS accepted
      FROM booking WHERE created_at >= $1 AND created_at < $2`, [termsFrom, to]],
    [`SELECT to_char((received_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count
      FROM terms_invalid_reply WHERE received_at >= $1 AND received_at < $2 GROUP BY 1 ORDER BY 1`, [from, to, ZONE]],
    [`SELECT to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day, count(*)::int AS count, avg(rating)::float8 AS "averageRating"
      FROM review WHERE deleted_at IS NULL AND created_at >= $1 AND created_at < $2
      GROUP BY GROUPING SETS ((to_char((created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD')), ()) ORDER BY 1 NULLS FIRST`, [from, to, ZONE]],
    [`SELECT coalesce(sum(count), 0)::int AS failures FROM webhook_rejection_tally
      WHERE minute >= date_trunc('minute', $1::timestamptz) AND reason IN ('missing-signature', 'bad-signature', 'bad-token')`, [hourAgo]],
    [`SELECT count(*)::int AS count, coalesce(sum(amount_cents), 0)::float8 AS "amountCents" FROM bank_transaction
      WHERE amount_cents > 0 AND removed_at IS NULL AND pending = false AND matched_at IS NULL AND posted_on <= $1`, [unmatchedBefore]],
    [`SELECT coalesce(sum(amount_cents), 0)::bigint AS received,
             coalesce(sum(amount_cents) FILTER (WHERE kind = 'DEPOSIT'), 0)::bigint AS deposits,
             coalesce(-sum(amount_cents) FILTER (WHERE kind = 'REFUND'), 0)::bigint AS refunded
      FROM payment WHERE occurred_at >= $1 AND occurred_at < $2`, [from, to]],
  ];
}

/** 90 days of a busy business, in SQL: every row in the window, spread over it. */
async function seed(db) {
  const started = Date.now();
  await db.query(`INSERT INTO customer (name, phone) SELECT 'Bench Customer ' || i, '+1555' || lpad(i::text, 7, '0') FROM generate_series(1, ${BOOKINGS}) i`);
  // 20,000 threads, 5 messages each: customer, assistant, customer, assistant or staff, customer.
  await db.query(`
    INSERT INTO conversation (customer_id, channel, channel_address, stage, created_at, last_message_at)
    SELECT c.id, (ARRAY['SMS', 'WEB_CHAT', 'MESSENGER', 'INSTAGRAM'])[1 + i % 4], '+1555' || lpad(i::text, 7, '0'), 'GREETING',
           now() - ((i % ${DAYS * 24 * 60}) * interval '1 minute') - interval '10 minutes', now() - ((i % ${DAYS * 24 * 60}) * interval '1 minute')
    FROM generate_series(1, ${MESSAGES / 5}) i JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM customer) c ON c.n = i % ${BOOKINGS}`);
  await db.query(`
    INSERT INTO message (conversation_id, direction, author, text, delivery_status, channel, created_at)
    SELECT c.id, CASE WHEN k IN (1, 3, 5) THEN 'INBOUND' ELSE 'OUTBOUND' END,
           CASE WHEN k IN (1, 3, 5) THEN 'CUSTOMER' WHEN k = 4 AND abs(hashtext(c.id::text)) % 5 = 0 THEN 'STAFF' ELSE 'AI' END,
           'message ' || k, CASE WHEN k IN (1, 3, 5) THEN 'RECEIVED' ELSE 'SENT' END, c.channel,
           c.created_at + k * interval '1 minute' + (abs(hashtext(c.id::text || k)) % 90) * interval '1 second'
    FROM conversation c CROSS JOIN generate_series(1, 5) k
    ORDER BY c.id, k`); // in order, so the trigger times each answer from the customer message before it
  await db.query(`
    INSERT INTO booking (customer_id, event_date, start_time, starts_at, address, adults, kids, source_channel, status, conversation_id,
                         price_per_adult_cents, price_per_kid_cents, minimum_spend_cents, travel_fee_cents, deposit_cents, confirmed_at, created_at)
    SELECT cu.id, (now() + interval '30 days')::date, '18:00', now() + interval '30 days', i || ' Main St, Sacramento, CA 95814', 8 + i % 20, i % 4,
           (ARRAY['SMS', 'WEB_CHAT', 'PHONE', 'EMAIL', 'MESSENGER'])[1 + i % 5],
           (ARRAY['INQUIRY', 'PENDING_TERMS', 'CONFIRMED', 'CONFIRMED', 'COMPLETED', 'CANCELLED'])[1 + i % 6],
           CASE WHEN i % 2 = 0 THEN cv.id END,
           5500, 2500, 60000, 2000, 10000,
           CASE WHEN i % 6 IN (2, 3, 4) THEN now() - ((i % ${DAYS * 24}) * interval '1 hour') + interval '30 minutes' END,
           now() - ((i % ${DAYS * 24}) * interval '1 hour')
    FROM generate_series(1, ${BOOKINGS}) i
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM customer) cu ON cu.n = i
    JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM conversation) cv ON cv.n = i`);
  await db.query(`UPDATE conversation c SET booking_id = b.id, stage = 'BOOKED' FROM booking b WHERE b.conversation_id = c.id`);
  await db.query(`
    INSERT INTO escalation (conversation_id, reason, handoff, status, created_at)
    SELECT id, 'HUMAN_REQUEST', '{}'::jsonb, 'RESOLVED', created_at + interval '3 minutes' FROM conversation WHERE abs(hashtext(id::text)) % 10 = 0`);
  await db.query(`
    INSERT INTO terms_invalid_reply (booking_id, text, received_at)
    SELECT id, 'maybe?', created_at + interval '1 hour' FROM booking WHERE status = 'PENDING_TERMS' AND abs(hashtext(id::text)) % 3 = 0`);
  await db.query(`
    INSERT INTO review (source, source_name, reviewer_name, rating, created_at, updated_at, sentiment)
    SELECT 'LOCAL', 'bench-review-' || i, 'Reviewer ' || i, 1 + (i * 7) % 5, now() - ((i % ${DAYS * 24}) * interval '1 hour'), now(), 0.5
    FROM generate_series(1, 1000) i`);
  await db.query(`
    INSERT INTO bank_transaction (source, external_id, amount_cents, posted_on, description, matched_at)
    SELECT 'UPLOAD', 'bench-' || i, 10000 + i, (now() - ((i % ${DAYS}) * interval '1 day'))::date, 'ZELLE FROM CUSTOMER ' || i,
           CASE WHEN i % 10 = 0 THEN NULL ELSE now() END
    FROM generate_series(1, 2000) i`);
  // A deposit paid on each confirmed booking, an hour after it was confirmed.
  await db.query(`
    INSERT INTO payment (booking_id, source, kind, amount_cents, external_id, occurred_at)
    SELECT id, 'CARD', 'DEPOSIT', deposit_cents, 'bench-deposit-' || id, confirmed_at + interval '1 hour' FROM booking WHERE confirmed_at IS NOT NULL`);
  await db.query(`
    INSERT INTO webhook_rejection_tally (provider, reason, minute, count)
    SELECT 'ringcentral', 'bad-token', date_trunc('minute', now() - i * interval '1 minute'), 1 FROM generate_series(0, 120, 7) i`);
  await db.query(`VACUUM ANALYZE`);
  const { rows } = await db.query(`SELECT (SELECT count(*) FROM booking)::int AS bookings, (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM escalation)::int AS escalations,
                                          (SELECT count(*) FROM terms_invalid_reply)::int AS invalid, (SELECT count(*) FROM review)::int AS reviews, (SELECT count(*) FROM bank_transaction)::int AS credits, (SELECT count(*) FROM payment)::int AS payments`);
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(rows[0])}`);
}

function localDay(offsetDays) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

/** The start of a local day in ZONE as an instant (the offset read from the zone at that day). */
function startOfLocalDay(day) {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const local = new Date(noonUtc.toLocaleString('en-US', { timeZone: ZONE }));
  const offsetMs = noonUtc.getTime() - local.getTime() + (noonUtc.getMilliseconds() - local.getMilliseconds());
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + offsetMs);
}

async function timed(work) {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main() {
  console.log(`Metrics benchmark: ${BOOKINGS} bookings, ${MESSAGES} messages over ${DAYS} days; the metrics query for ${DAYS} days, ${RUNS} runs each way, one at a time.`);
  const database = await createDatabase();
  const server = await startServer({ DATABASE_URL: database.url, BUSINESS_TIME_ZONE: ZONE, ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: redisKeyPrefix() } : {}) });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  await seed(db);
  await db.end();
  const token = await login(server.url);

  const to = localDay(0);
  const from = localDay(-(DAYS - 1));
  const variables = { from, to };
  const window = {
    from: startOfLocalDay(from),
    to: startOfLocalDay(localDay(1)),
    termsFrom: startOfLocalDay(localDay(-6)),
    hourAgo: new Date(Date.now() - 3600_000),
    unmatchedBefore: localDay(-4),
  };
  const sql = statements(window);
  // As many connections as the server's pool gives one request's statements run side by side.
  const pool = new pg.Pool({ connectionString: database.url, max: sql.length });

  if (process.env.EXPLAIN) {
    const client = await pool.connect();
    for (const [text, params] of sql) {
      const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      console.log(`\n${text.split('\n')[0].slice(0, 100)}...\n${rows.map((row) => row['QUERY PLAN']).join('\n')}`);
    }
    client.release();
  }

  const answer = await gql(server.url, QUERY, variables, token);
  const m = answer.metrics;
  console.log(
    `The answer: ${m.conversations} threads, AI success ${m.aiBookingSuccessRate?.toFixed(3)}, escalation ${m.escalationRate?.toFixed(3)}, conversion ${m.conversionRate?.toFixed(3)}, ` +
      `${m.inquiries} bookings, ${m.channels.length} channels, AI median ${m.aiResponse.medianSeconds?.toFixed(0)} s, staff p90 ${m.staffResponse.p90Seconds?.toFixed(0)} s, ${m.daily.length} days.`,
  );

  const overHttp = async () => {
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ operationName: 'BenchMetrics', query: QUERY, variables }) });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  const bare = () => Promise.all(sql.map(([text, params]) => pool.query(text, params)));

  // Warm both (plans, caches, connections), then alternate so neither always runs on a cooler machine.
  for (let i = 0; i < 5; i++) {
    await overHttp();
    await bare();
  }
  const product = [];
  const direct = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      product.push(await timed(overHttp));
      direct.push(await timed(bare));
    } else {
      direct.push(await timed(bare));
      product.push(await timed(overHttp));
    }
  }
  await pool.end();
  product.sort((a, b) => a - b);
  direct.sort((a, b) => a - b);

  console.log('');
  console.log(`Summary (metrics for ${DAYS} days, ${RUNS} runs each)`);
  printTable([
    ['run', 'p50 ms', 'p99 ms', 'max ms'],
    ['metrics over HTTP', pct(product, 50).toFixed(2), pct(product, 99).toFixed(2), product.at(-1).toFixed(2)],
    [`its ${sql.length} statements via pg`, pct(direct, 50).toFixed(2), pct(direct, 99).toFixed(2), direct.at(-1).toFixed(2)],
  ]);
  console.log(`  HTTP / bare SQL: p50 ${ratio(pct(product, 50), pct(direct, 50))}, p99 ${ratio(pct(product, 99), pct(direct, 99))} (target within x1.50, and p99 under 100 ms)`);
  if (server.exited()) throw new Error(`the server exited during the run: ${server.output()}`);
}

await runBenchmark(main);
