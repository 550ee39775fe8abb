import { GraphQLError } from 'graphql';
import { Authorized, type AuthChecker } from 'type-graphql';
import { StaffRole } from './roles';
import type { RequestContext } from '../../app/context';
import type { ApiScope } from './scopes';

/**
 * Every root field declares who may call it with one of these decorators; a unit test
 * fails when a Query, Mutation or Subscription field has none.
 *
 *   @Public()                      anyone, signed in or not
 *   @StaffOnly(scope?)             any staff member, or an API key holding `scope`
 *   @AdminOnly(scope?)             an ADMIN, or an API key holding `scope`
 */
const PUBLIC = 'PUBLIC';
const rule = {
  staff: 'ROLE:STAFF',
  admin: 'ROLE:ADMIN',
  scope: (scope: ApiScope) => `SCOPE:${scope}`,
};

export const Public = () => Authorized(PUBLIC);
export const StaffOnly = (scope?: ApiScope) => Authorized(scope ? [rule.staff, rule.scope(scope)] : [rule.staff]);
export const AdminOnly = (scope?: ApiScope) => Authorized(scope ? [rule.admin, rule.scope(scope)] : [rule.admin]);

export const authChecker: AuthChecker<RequestContext, string> = ({ context }, rules) => {
  if (rules.includes(PUBLIC)) return true;
  const principal = context.principal;
  if (!principal) {
    throw new GraphQLError('Sign in first: send Authorization: Bearer <token> (from login or an API key).', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  const allowed =
    principal.kind === 'staff'
      ? rules.includes(rule.staff) || (rules.includes(rule.admin) && principal.role === StaffRole.ADMIN)
      : principal.kind === 'apiKey'
        ? principal.scopes.some((scope) => rules.includes(rule.scope(scope)))
        : false; // a web-chat customer reaches public fields only
  if (!allowed) {
    throw new GraphQLError(
      principal.kind !== 'apiKey'
        ? principal.kind === 'staff'
          ? 'Only an admin may do this.'
          : 'A web-chat session may only use the web-chat fields.'
        : `This API key lacks the scope for this field (needs one of: ${rules.filter((r) => r.startsWith('SCOPE:')).map((r) => r.slice(6)).join(', ') || 'a staff sign-in'}).`,
      { extensions: { code: 'FORBIDDEN' } },
    );
  }
  return true;
};

/** The signed-in staff member of a field that is @StaffOnly() without a scope (takeover and replies are personal: an API key cannot hold a thread). */
export function staffIdOf(context: RequestContext): string {
  const principal = context.principal;
  if (principal?.kind !== 'staff') throw new Error('unreachable: @StaffOnly() without a scope admits staff only');
  return principal.staffUserId;
}

export function isAdmin(context: RequestContext): boolean {
  return context.principal?.kind === 'staff' && context.principal.role === StaffRole.ADMIN;
}
