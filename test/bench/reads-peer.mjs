// The bare peer of `pnpm bench:reads`: node:http + graphql-js + pg, no framework. It serves
// the committed schema (schema/schema.graphql) and answers `extensions` the way the product
// does: the same bearer-token lookup (a live session by the token's SHA-256, joined to its
// staff user), the same two statements (count, then the page ordered by number and id), the
// same availability rule (the server's own compiled working-hours module) and the same ids
// and cursors. Every request is parsed, validated and executed; nothing is cached.
//
// Started by reads.mjs: DATABASE_URL=... [BUSINESS_TIME_ZONE=...] node test/bench/reads-peer.mjs
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, GraphQLError, parse, specifiedRules, validate } from 'graphql';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { isWithinWorkingHours } = require(path.join(root, 'server/dist/server/src/modules/extensions/working-hours.js'));

const timeZone = process.env.BUSINESS_TIME_ZONE ?? 'America/New_York';
const maxPageSize = Number(process.env.GRAPHQL_MAX_PAGE_SIZE ?? 100);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const schema = buildSchema(readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));

const toGlobalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const encodeCursor = (values) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

async function authenticate(authorization) {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  const hash = createHash('sha256').update(token, 'utf8').digest('hex');
  const { rows } = await pool.query(
    `SELECT s.id, s.staff_user_id, u.role FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hash],
  );
  return rows[0] ? { kind: 'staff', staffUserId: rows[0].staff_user_id, role: rows[0].role, sessionId: rows[0].id } : undefined;
}

const rootValue = {
  async extensions({ first = 50, status }, context) {
    if (!context.principal) throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
    if (!Number.isInteger(first) || first < 1 || first > maxPageSize) throw new GraphQLError(`first must be between 1 and ${maxPageSize}.`);
    const where = status ? 'WHERE status = $1' : '';
    const params = status ? [status] : [];
    const count = await pool.query(`SELECT count(*)::int AS n FROM extension ${where}`, params);
    const page = await pool.query(
      `SELECT id, number, employee_name, role, phone, status, working_hours, is_primary_escalation, staff_user_id, created_at, updated_at
       FROM extension ${where} ORDER BY number ASC, id ASC LIMIT ${first + 1}`,
      params,
    );
    const now = new Date();
    const edges = page.rows.slice(0, first).map((row) => ({
      cursor: encodeCursor([row.number, row.id]),
      node: {
        id: toGlobalId('Extension', row.id),
        number: row.number,
        employeeName: row.employee_name,
        role: row.role,
        phone: row.phone,
        status: row.status,
        availableNow: row.status === 'AVAILABLE' && isWithinWorkingHours(row.working_hours, now, timeZone),
        isPrimaryEscalation: row.is_primary_escalation,
        staffUserId: row.staff_user_id ? toGlobalId('StaffUser', row.staff_user_id) : null,
        workingHours: row.working_hours,
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      },
    }));
    return { totalCount: count.rows[0].n, edges, pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

function send(res, status, payload) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/graphql') return send(res, 404, { errors: [{ message: 'not found' }] });
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const principal = await authenticate(req.headers.authorization);
      if (req.headers.authorization && !principal) return send(res, 401, { errors: [{ message: 'The bearer token is not valid.', extensions: { code: 'UNAUTHENTICATED' } }] });
      const document = parse(body.query);
      const errors = validate(schema, document, specifiedRules);
      if (errors.length > 0) return send(res, 400, { errors });
      const result = await execute({ schema, document, rootValue, contextValue: { principal }, variableValues: body.variables, operationName: body.operationName });
      send(res, 200, result);
    } catch (error) {
      send(res, 400, { errors: [{ message: error.message }] });
    }
  });
});

server.listen(0, '127.0.0.1', () => console.log(`Listening: http://127.0.0.1:${server.address().port}`));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => pool.end().then(() => process.exit(0)));
});
