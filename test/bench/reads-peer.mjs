// The bare peer of `pnpm bench:reads`: node:http + graphql-js + pg, no framework. It serves
// the committed schema (schema/schema.graphql) and answers `extensions` the way the product
// does: the same bearer-token lookup (a live session by the token's SHA-256, joined to its
// staff user), the same two statements (count, then the page ordered by number and id), the
// same availability rule and next change (the server's own compiled working-hours module) and the same ids
// and cursors. Every request is parsed, validated and executed; nothing is cached.
//
// Started by reads.mjs: DATABASE_URL=... [BUSINESS_TIME_ZONE=...] node test/bench/reads-peer.mjs
import { createRequire } from 'node:module';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { encodeCursor, maxPageSize, pool, root, servePeer, toGlobalId } from './peer-support.mjs';

const require = createRequire(import.meta.url);
const { isWithinWorkingHours, nextWorkingHoursChange } = require(path.join(root, 'server/dist/server/src/modules/extensions/working-hours.js'));

const timeZone = process.env.BUSINESS_TIME_ZONE ?? 'America/New_York';

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
        availabilityChangesAt: row.status === 'AVAILABLE' ? (nextWorkingHoursChange(row.working_hours, now, timeZone)?.toISOString() ?? null) : null,
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

servePeer(rootValue);
