// The bare peer of `pnpm bench:bookings`: node:http + graphql-js + pg, no framework. It serves
// the committed schema (schema/schema.graphql) and answers the benchmark's `bookings` page the
// way the product does: the same bearer-token lookup, the same count and page statements
// (start then id, keyset cursor), then one statement for the page's customers and one for
// its travel quotes, and the same price arithmetic. Every request is parsed, validated and
// executed; nothing is cached.
//
// Started by bookings.mjs: DATABASE_URL=... node test/bench/bookings-peer.mjs
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { encodeCursor, maxPageSize, pool, servePeer, toGlobalId } from './peer-support.mjs';

// Dates come back as the strings PostgreSQL prints, as TypeORM reads them.
pg.types.setTypeParser(1082, (value) => value);

function price(row) {
  const foodCents = row.adults * row.price_per_adult_cents + row.kids * row.price_per_kid_cents;
  const minimumTopUpCents = Math.max(0, row.minimum_spend_cents - foodCents);
  const totalCents = foodCents + minimumTopUpCents + row.travel_fee_cents;
  return { foodCents, minimumTopUpCents, totalCents, depositCents: row.deposit_cents, paidCents: row.paid_cents, balanceCents: Math.max(0, totalCents - row.paid_cents) };
}

const rootValue = {
  async bookings({ first = 50 }, context) {
    if (!context.principal) throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
    if (!Number.isInteger(first) || first < 1 || first > maxPageSize) throw new GraphQLError(`first must be between 1 and ${maxPageSize}.`);
    const count = await pool.query(`SELECT count(*)::int AS n FROM booking`);
    const page = await pool.query(`SELECT * FROM booking ORDER BY starts_at ASC, id ASC LIMIT ${first + 1}`);
    const rows = page.rows.slice(0, first);
    const customerIds = [...new Set(rows.map((row) => row.customer_id))];
    const quoteIds = [...new Set(rows.map((row) => row.travel_quote_id).filter(Boolean))];
    const [customers, quotes] = await Promise.all([
      pool.query(`SELECT id, name, phone, email FROM customer WHERE id = ANY($1)`, [customerIds]),
      quoteIds.length ? pool.query(`SELECT id, miles, drive_minutes, fee_cents, band FROM travel_quote WHERE id = ANY($1)`, [quoteIds]) : { rows: [] },
    ]);
    const customerById = new Map(customers.rows.map((c) => [c.id, c]));
    const quoteById = new Map(quotes.rows.map((q) => [q.id, q]));
    const edges = rows.map((row) => {
      const customer = customerById.get(row.customer_id);
      const quote = row.travel_quote_id ? quoteById.get(row.travel_quote_id) : null;
      return {
        cursor: encodeCursor([row.starts_at.toISOString(), row.id]),
        node: {
          id: toGlobalId('Booking', row.id),
          status: row.status,
          eventDate: row.event_date,
          startTime: row.start_time,
          address: row.address,
          adults: row.adults,
          kids: row.kids,
          partySize: row.adults + row.kids,
          sourceChannel: row.source_channel,
          customer: { id: toGlobalId('Customer', customer.id), name: customer.name, phone: customer.phone, email: customer.email },
          travelQuote: quote ? { id: toGlobalId('TravelQuote', quote.id), miles: quote.miles, driveMinutes: quote.drive_minutes, feeCents: quote.fee_cents, band: quote.band } : null,
          price: price(row),
        },
      };
    });
    return { totalCount: count.rows[0].n, edges, pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

servePeer(rootValue);
