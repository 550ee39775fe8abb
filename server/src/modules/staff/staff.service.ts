import argon2 from 'argon2';
import { IsNull, type DataSource } from 'typeorm';
import type { Principal } from '../../shared/auth/principal';
import { countFailure, msUntilAllowed, type RateLimits } from '../../shared/auth/rate-limits';
import { API_KEY_PREFIX, generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../../shared/auth/tokens';
import { userFailure } from '../../shared/graphql/user-errors';
import type { CreateApiKeyInput } from './staff.inputs';
import { ApiKey } from './api-key.entity';
import { StaffSession } from './staff-session.entity';
import { StaffRole, StaffUser } from './staff-user.entity';

export enum StaffErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  DUPLICATE_EMAIL = 'DUPLICATE_EMAIL',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
}

const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/** Sign-in, sessions, API keys and the first admin. The only code that knows how credentials are stored. */
export class StaffService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash: Promise<string>;

  constructor(private readonly deps: { dataSource: DataSource; rateLimits: RateLimits; sessionTtlHours: number }) {
    this.decoyHash = argon2.hash('decoy password that matches nothing');
  }

  async login(params: { email: string; password: string; ip: string }) {
    const email = params.email.trim().toLowerCase();
    const accountKey = `${email}|${params.ip}`;
    const { loginFailuresByAccount, loginFailuresByIp } = this.deps.rateLimits;
    const waitMs = Math.max(
      await msUntilAllowed(loginFailuresByAccount, accountKey),
      await msUntilAllowed(loginFailuresByIp, params.ip),
    );
    if (waitMs > 0) throw tooManyAttempts(waitMs);

    const user = await this.deps.dataSource.getRepository(StaffUser).findOneBy({ email });
    const passwordMatches = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), params.password);
    if (!user || !passwordMatches) {
      const blockedMs = Math.max(
        await countFailure(loginFailuresByAccount, accountKey),
        await countFailure(loginFailuresByIp, params.ip),
      );
      if (blockedMs > 0) throw tooManyAttempts(blockedMs);
      throw userFailure(StaffErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.', 'password');
    }
    await loginFailuresByAccount.delete(accountKey);

    const { token, hash } = generateToken(SESSION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.deps.sessionTtlHours * 3600_000);
    await this.deps.dataSource.getRepository(StaffSession).insert({ tokenHash: hash, staffUserId: user.id, expiresAt });
    return { token, expiresAt, staffUser: user };
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.kind === 'staff') await this.deps.dataSource.getRepository(StaffSession).delete({ id: principal.sessionId });
  }

  /** The caller behind a bearer token, or undefined when it names no live session or key. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const hash = hashToken(token);
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      // Every staff request runs this: one statement reading three columns. (findOne with the
      // staffUser relation issued two, a DISTINCT over the join and then the rows.)
      const [session]: Array<{ id: string; staff_user_id: string; role: StaffRole }> = await this.deps.dataSource.query(
        `SELECT s.id, s.staff_user_id, u.role FROM staff_session s JOIN staff_user u ON u.id = s.staff_user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [hash, new Date()],
      );
      if (!session) return undefined;
      return { kind: 'staff', staffUserId: session.staff_user_id, role: session.role, sessionId: session.id };
    }
    if (token.startsWith(API_KEY_PREFIX)) {
      const keys = this.deps.dataSource.getRepository(ApiKey);
      const key = await keys.findOneBy({ secretHash: hash, revokedAt: IsNull() });
      if (!key) return undefined;
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
        await keys.update({ id: key.id }, { lastUsedAt: new Date() });
      }
      return { kind: 'apiKey', apiKeyId: key.id, scopes: key.scopes };
    }
    return undefined;
  }

  findUser(id: string): Promise<StaffUser | null> {
    return this.deps.dataSource.getRepository(StaffUser).findOneBy({ id });
  }

  findApiKey(id: string): Promise<ApiKey | null> {
    return this.deps.dataSource.getRepository(ApiKey).findOneBy({ id });
  }

  async createApiKey(params: { input: CreateApiKeyInput; createdById: string | null }) {
    const { token, hash } = generateToken(API_KEY_PREFIX);
    const keys = this.deps.dataSource.getRepository(ApiKey);
    const apiKey = await keys.save(keys.create({
      name: params.input.name.trim(),
      prefix: token.slice(0, 12),
      secretHash: hash,
      scopes: [...params.input.scopes],
      createdById: params.createdById,
      lastUsedAt: null,
      revokedAt: null,
    }));
    return { apiKey, secret: token };
  }

  async hasAnyStaff(): Promise<boolean> {
    return (await this.deps.dataSource.getRepository(StaffUser).count()) > 0;
  }

  async createStaffUser(params: { email: string; password: string; role: StaffRole; displayName: string }): Promise<StaffUser> {
    const users = this.deps.dataSource.getRepository(StaffUser);
    if (await users.existsBy({ email: params.email.trim().toLowerCase() })) {
      throw userFailure(StaffErrorCode.DUPLICATE_EMAIL, 'A staff user with this email already exists.', 'email');
    }
    return users.save(
      users.create({
        email: params.email.trim().toLowerCase(),
        displayName: params.displayName,
        passwordHash: await argon2.hash(params.password),
        role: params.role,
      }),
    );
  }
}

function tooManyAttempts(waitMs: number) {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return userFailure(
    StaffErrorCode.TOO_MANY_ATTEMPTS,
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  );
}
