// What the bare peers of the read benchmarks share: the committed schema, a pool, the
// product's bearer-token lookup (a live session by the token's SHA-256, joined to its staff
// user), global ids and cursors as the product makes them, and a node:http server that parses,
// validates and executes every request (nothing cached) and prints `Listening: <url>`.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, execute, parse, specifiedRules, validate } from 'graphql';
import pg from 'pg';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const maxPageSize = Number(process.env.GRAPHQL_MAX_PAGE_SIZE ?? 100);
export const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const schema = buildSchema(readFileSync(path.join(root, 'schema/schema.graphql'), 'utf8'));

export const toGlobalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
export const encodeCursor = (values) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

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

function send(res, status, payload) {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Serves POST /graphql with these root fields (each gets `context.principal`) until SIGTERM. */
export function servePeer(rootValue) {
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
}
