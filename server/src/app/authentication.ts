import { GraphQLError } from 'graphql';
import type { Principal } from '../shared/auth/principal';
import { countFailure, msUntilAllowed, type RateLimits } from '../shared/auth/rate-limits';
import { parseBearer } from '../shared/auth/tokens';
import type { StaffService } from '../modules/staff/staff.service';

/**
 * Resolves the caller of an HTTP request or a graphql-ws connection from its
 * `Authorization: Bearer <token>` value. No value means anonymous (public fields still
 * work); a value that names no live session or key is an error, and an address that keeps
 * sending them is rate-limited. Valid tokens always pass, so guessing from a shared address
 * cannot lock staff out.
 */
export async function authenticateBearer(params: {
  staff: StaffService;
  rateLimits: RateLimits;
  authorization: string | undefined;
  ip: string;
}): Promise<Principal | undefined> {
  const { staff, authorization, ip } = params;
  if (!authorization) return undefined;
  const token = parseBearer(authorization);
  const principal = token ? await staff.authenticate(token) : undefined;
  if (principal) return principal;

  const { badTokensByIp } = params.rateLimits;
  if ((await msUntilAllowed(badTokensByIp, ip)) > 0 || (await countFailure(badTokensByIp, ip)) > 0) throw rateLimited();
  throw new GraphQLError(
    token
      ? 'The bearer token is not valid or has expired. Sign in again or use a current API key.'
      : 'The Authorization header must look like "Bearer <token>".',
    { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } },
  );
}

function rateLimited() {
  return new GraphQLError('Too many requests with invalid credentials from this address. Wait a minute and try again.', {
    extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
  });
}
