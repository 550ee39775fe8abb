import argon2 from 'argon2';
import type { Principal } from '../../shared/auth/principal';
import { countFailure, countFailureAndLock, msUntilAllowed, type RateLimits } from '../../shared/auth/rate-limits';
import { API_KEY_PREFIX, generateToken, hashToken, SESSION_TOKEN_PREFIX } from '../../shared/auth/tokens';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { inputErrors, throwIfAny, userFailure, type UserError } from '../../shared/graphql/user-errors';
import { CreateStaffUserInput, type CreateApiKeyInput, type SetPasswordWithLinkInput, type UpdateStaffUserInput } from './staff.inputs';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { StaffTopic } from './staff.events';
import type { ApiKey } from './api-key.entity';
import type { StaffRepository } from './staff.repository';
import { StaffRole } from '../../shared/auth/roles';
import type { StaffUser } from './staff-user.entity';

export enum StaffErrorCode {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  DUPLICATE_EMAIL = 'DUPLICATE_EMAIL',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  DEACTIVATED = 'DEACTIVATED',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_REVOKED = 'ALREADY_REVOKED',
  SELF_DEACTIVATION = 'SELF_DEACTIVATION',
  SELF_DEMOTION = 'SELF_DEMOTION',
  LINK_NOT_VALID = 'LINK_NOT_VALID',
  NO_PASSWORD_YET = 'NO_PASSWORD_YET',
}

/** What staff sign-in needs of the extensions module: their presence sets their extension's availability. */
export interface StaffPresencePort {
  signedIn(staffUserId: string): Promise<void>;
}

/** Linking a login to the extension they answer, in the caller's transaction. */
export interface StaffExtensionsPort {
  linkStaffUser(tx: Tx, events: PendingEvents, params: { staffUserId: string; extensionGlobalId: string | null; field: string }): Promise<void>;
}

export const PASSWORD_LINK_PREFIX = 'hbp_';
const LINK_NOT_VALID_MESSAGE = 'This link has expired or was already used. Ask an administrator for a new one.';

const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/** Sign-in, sessions, API keys and the first admin. The only code that knows how credentials are stored. */
export class StaffService {
  /** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: StaffRepository;
      rateLimits: RateLimits;
      sessionTtlHours: number;
      passwordLinkHours: number;
      maxPageSize: number;
      presence?: StaffPresencePort;
      extensions?: StaffExtensionsPort;
    },
  ) {
    this.decoyHash = argon2.hash('decoy password that matches nothing');
  }

  /**
   * Failed sign-ins lock the account for the address they came from only (OWASP): its owner
   * elsewhere, and colleagues at the same address, still sign in. An address that fails with
   * many accounts waits for the rest of the minute, whatever the accounts.
   */
  async login(params: { email: string; password: string; ip: string }) {
    const email = params.email.trim().toLowerCase();
    const accountKey = `${email}|${params.ip}`;
    const { loginFailuresByAccount, loginLockoutSeconds, loginFailuresByIp } = this.deps.rateLimits;
    const lockedMs = await msUntilAllowed(loginFailuresByAccount, accountKey);
    if (lockedMs > 0) throw accountLocked(lockedMs);
    const throttledMs = await msUntilAllowed(loginFailuresByIp, params.ip);
    if (throttledMs > 0) throw addressThrottled(throttledMs);

    const user = await this.deps.repository.findUserByEmail(email);
    // An invited person without a password yet is checked against the decoy, so it never matches.
    const passwordMatches = await argon2.verify(user?.passwordHash ?? (await this.decoyHash), params.password);
    if (!user || !user.passwordHash || !passwordMatches) {
      const nowLockedMs = await countFailureAndLock(loginFailuresByAccount, accountKey, loginLockoutSeconds);
      const nowThrottledMs = await countFailure(loginFailuresByIp, params.ip);
      if (nowLockedMs > 0) throw accountLocked(nowLockedMs);
      if (nowThrottledMs > 0) throw addressThrottled(nowThrottledMs);
      throw userFailure(StaffErrorCode.INVALID_CREDENTIALS, 'Email or password is incorrect.', 'password');
    }
    await loginFailuresByAccount.delete(accountKey);
    if (user.deactivatedAt) throw userFailure(StaffErrorCode.DEACTIVATED, 'This account has been deactivated. Ask an administrator to restore it.');

    const { token, hash } = generateToken(SESSION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.deps.sessionTtlHours * 3600_000);
    await this.deps.repository.insertSession({ tokenHash: hash, staffUserId: user.id, expiresAt });
    await this.deps.presence?.signedIn(user.id);
    return { token, expiresAt, staffUser: user };
  }

  /** Ends this session; its sockets close on every instance. */
  async logout(principal: Principal): Promise<void> {
    if (principal.kind !== 'staff') return;
    await this.deps.uow.run(async (tx, events) => {
      await this.deps.repository.deleteSession(tx, principal.sessionId);
      events.add(StaffTopic.ACCESS_ENDED, { sessionIds: [principal.sessionId], apiKeyIds: [] });
    });
  }

  /** Stops a key at once: requests with it fail and its sockets close on every instance. */
  async revokeApiKey(globalId: string): Promise<ApiKey> {
    const id = fromGlobalId('ApiKey', globalId);
    return this.deps.uow.run(async (tx, events) => {
      const key = id ? await this.deps.repository.lockApiKey(tx, id) : null;
      if (!key) throw userFailure(StaffErrorCode.NOT_FOUND, 'No API key has this id.', 'id');
      if (key.revokedAt) throw userFailure(StaffErrorCode.ALREADY_REVOKED, 'This key was already revoked.');
      key.revokedAt = new Date();
      await this.deps.repository.setApiKeyRevokedAt(tx, key.id, key.revokedAt);
      events.add(StaffTopic.ACCESS_ENDED, { sessionIds: [], apiKeyIds: [key.id] });
      return key;
    });
  }

  /**
   * Deactivates an account (its sessions end and its sockets close on every instance; it cannot
   * sign in) or restores it. Nobody deactivates themselves, so an admin cannot lock everyone out.
   */
  async setStaffUserActive(params: { id: string; active: boolean; actingStaffUserId: string | null }): Promise<StaffUser> {
    const id = fromGlobalId('StaffUser', params.id);
    return this.deps.uow.run(async (tx, events) => {
      const user = id ? await this.deps.repository.lockUser(tx, id) : null;
      if (!user) throw userFailure(StaffErrorCode.NOT_FOUND, 'No staff member has this id.', 'id');
      if (!params.active && user.id === params.actingStaffUserId) {
        throw userFailure(StaffErrorCode.SELF_DEACTIVATION, 'You cannot deactivate your own account. Ask another administrator.', 'id');
      }
      if (params.active === (user.deactivatedAt === null)) return user;
      user.deactivatedAt = params.active ? null : new Date();
      await this.deps.repository.setDeactivatedAt(tx, user.id, user.deactivatedAt);
      if (!params.active) {
        const sessionIds = await this.deps.repository.deleteSessionsOf(tx, user.id);
        events.add(StaffTopic.ACCESS_ENDED, { sessionIds, apiKeyIds: [] });
      }
      return user;
    });
  }

  /** Of these principals, the staff and keys whose session or key no longer works (ended, expired, revoked, deactivated). */
  async endedPrincipals(principals: readonly Principal[]): Promise<Set<Principal>> {
    const sessionIds = principals.flatMap((principal) => (principal.kind === 'staff' ? [principal.sessionId] : []));
    const apiKeyIds = principals.flatMap((principal) => (principal.kind === 'apiKey' ? [principal.apiKeyId] : []));
    const [liveSessions, activeKeys] = await Promise.all([this.deps.repository.liveSessionIds(sessionIds), this.deps.repository.activeApiKeyIds(apiKeyIds)]);
    return new Set(
      principals.filter(
        (principal) => (principal.kind === 'staff' && !liveSessions.has(principal.sessionId)) || (principal.kind === 'apiKey' && !activeKeys.has(principal.apiKeyId)),
      ),
    );
  }

  /** The caller behind a bearer token, or undefined when it names no live session or key. */
  async authenticate(token: string): Promise<Principal | undefined> {
    const hash = hashToken(token);
    if (token.startsWith(SESSION_TOKEN_PREFIX)) {
      const session = await this.deps.repository.findLiveSession(hash);
      if (!session) return undefined;
      return { kind: 'staff', staffUserId: session.staffUserId, role: session.role, sessionId: session.id };
    }
    if (token.startsWith(API_KEY_PREFIX)) {
      const key = await this.deps.repository.findActiveApiKey(hash);
      if (!key) return undefined;
      if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_WRITE_INTERVAL_MS) {
        await this.deps.repository.touchApiKey(key.id, new Date());
      }
      return { kind: 'apiKey', apiKeyId: key.id, scopes: key.scopes };
    }
    return undefined;
  }

  findUser(id: string, tx?: Tx): Promise<StaffUser | null> {
    return this.deps.repository.findUser(id, tx);
  }

  /** Everyone who may sign in, by name: the colleagues a thread can be handed to. */
  activeUsers(): Promise<StaffUser[]> {
    return this.deps.repository.activeUsers();
  }

  findUsers(ids: readonly string[]): Promise<StaffUser[]> {
    return this.deps.repository.findUsers(ids);
  }

  findApiKey(id: string): Promise<ApiKey | null> {
    return this.deps.repository.findApiKey(id);
  }

  async createApiKey(params: { input: CreateApiKeyInput; createdById: string | null }) {
    const { token, hash } = generateToken(API_KEY_PREFIX);
    const apiKey = await this.deps.repository.saveApiKey({
      name: params.input.name.trim(),
      prefix: token.slice(0, 12),
      secretHash: hash,
      scopes: [...params.input.scopes],
      createdById: params.createdById,
      lastUsedAt: null,
      revokedAt: null,
    });
    return { apiKey, secret: token };
  }

  async hasAnyStaff(): Promise<boolean> {
    return this.deps.repository.hasAnyUser();
  }

  listStaffUsers(args: ConnectionArgs): Promise<Connection<StaffUser>> {
    return this.deps.repository.listUsers(args, this.deps.maxPageSize);
  }

  /**
   * Adds a person who can sign in: with a password, or invited with a one-time link where they
   * set their own; linked to the extension they answer. Every problem of the form at once.
   */
  async createStaffUser(params: {
    email: string;
    displayName: string;
    role: StaffRole;
    password?: string | null;
    extensionId?: string | null;
  }): Promise<{ staffUser: StaffUser; passwordLink: { path: string; expiresAt: Date } | null }> {
    const problems: UserError[] = params instanceof CreateStaffUserInput ? await inputErrors(params) : [];
    const email = params.email.trim().toLowerCase();
    const passwordHash = params.password && problems.every((p) => p.field !== 'password') ? await argon2.hash(params.password) : null;
    return this.deps.uow.run(async (tx, events) => {
      if (problems.every((p) => p.field !== 'email') && (await this.deps.repository.emailTaken(email, tx))) {
        problems.push({ code: StaffErrorCode.DUPLICATE_EMAIL, message: 'Email: someone on the staff already signs in with this address; use another.', field: 'email' });
      }
      throwIfAny(problems);
      const staffUser = await this.deps.repository.saveUser({ email, displayName: params.displayName.trim(), passwordHash, role: params.role }, tx);
      if (params.extensionId) await this.extensionsPort().linkStaffUser(tx, events, { staffUserId: staffUser.id, extensionGlobalId: params.extensionId, field: 'extensionId' });
      const passwordLink = passwordHash ? null : await this.newPasswordLink(tx, staffUser.id);
      return { staffUser, passwordLink };
    });
  }

  /** Changes a person's name, role or extension. An admin cannot take away their own admin role. */
  async updateStaffUser(params: { input: UpdateStaffUserInput; actingStaffUserId: string | null }): Promise<StaffUser> {
    const { input } = params;
    const problems = await inputErrors(input);
    const id = fromGlobalId('StaffUser', input.id);
    return this.deps.uow.run(async (tx, events) => {
      const user = id ? await this.deps.repository.lockUser(tx, id) : null;
      if (!user) throw userFailure(StaffErrorCode.NOT_FOUND, 'No staff member has this id; reload the list.', 'id');
      if (input.role && input.role !== StaffRole.ADMIN && user.id === params.actingStaffUserId && user.role === StaffRole.ADMIN) {
        problems.push({ code: StaffErrorCode.SELF_DEMOTION, message: 'Role: you cannot take away your own admin role. Ask another administrator.', field: 'role' });
      }
      throwIfAny(problems);
      const changes: Partial<Pick<StaffUser, 'displayName' | 'role'>> = {};
      if (input.displayName !== undefined && input.displayName !== null) changes.displayName = input.displayName.trim();
      if (input.role) changes.role = input.role;
      if (Object.keys(changes).length > 0) {
        await this.deps.repository.updateUser(tx, user.id, changes);
        Object.assign(user, changes);
      }
      if (input.extensionId !== undefined) {
        await this.extensionsPort().linkStaffUser(tx, events, { staffUserId: user.id, extensionGlobalId: input.extensionId, field: 'extensionId' });
      }
      if (changes.role) {
        // A new role takes effect at the next sign-in: the open sessions end now.
        const sessionIds = await this.deps.repository.deleteSessionsOf(tx, user.id);
        events.add(StaffTopic.ACCESS_ENDED, { sessionIds, apiKeyIds: [] });
      }
      return user;
    });
  }

  /** A new one-time link for a person (a forgotten password, an invitation that expired); earlier links stop working. */
  async createPasswordLink(globalId: string): Promise<{ path: string; expiresAt: Date }> {
    const id = fromGlobalId('StaffUser', globalId);
    return this.deps.uow.run(async (tx) => {
      const user = id ? await this.deps.repository.lockUser(tx, id) : null;
      if (!user) throw userFailure(StaffErrorCode.NOT_FOUND, 'No staff member has this id; reload the list.', 'id');
      if (user.deactivatedAt) throw userFailure(StaffErrorCode.DEACTIVATED, 'This account is deactivated: restore it first.', 'id');
      return this.newPasswordLink(tx, user.id);
    });
  }

  /** Sets the password of the link's person, once, before the link expires. Returns the email to sign in with. */
  async setPasswordWithLink(input: SetPasswordWithLinkInput): Promise<string> {
    const problems = await inputErrors(input);
    const passwordHash = problems.some((p) => p.field === 'password') ? null : await argon2.hash(input.password);
    return this.deps.uow.run(async (tx) => {
      const link = input.token.startsWith(PASSWORD_LINK_PREFIX) ? await this.deps.repository.lockPasswordLink(tx, hashToken(input.token)) : null;
      const user = link ? await this.deps.repository.lockUser(tx, link.staffUserId) : null;
      if (!link || !user || link.usedAt || link.expiresAt.getTime() <= Date.now() || user.deactivatedAt) {
        problems.unshift({ code: StaffErrorCode.LINK_NOT_VALID, message: LINK_NOT_VALID_MESSAGE, field: null });
      }
      throwIfAny(problems);
      await this.deps.repository.markPasswordLinkUsed(tx, link!.id, new Date());
      await this.deps.repository.updateUser(tx, user!.id, { passwordHash: passwordHash! });
      return user!.email;
    });
  }

  private async newPasswordLink(tx: Tx, staffUserId: string): Promise<{ path: string; expiresAt: Date }> {
    const { token, hash } = generateToken(PASSWORD_LINK_PREFIX);
    const expiresAt = new Date(Date.now() + this.deps.passwordLinkHours * 3600_000);
    await this.deps.repository.replacePasswordLink(tx, { staffUserId, tokenHash: hash, expiresAt });
    return { path: `/#/set-password/${token}`, expiresAt };
  }

  private extensionsPort(): StaffExtensionsPort {
    if (!this.deps.extensions) throw new Error('no extensions port: the staff module is created without the extensions module');
    return this.deps.extensions;
  }
}

function accountLocked(waitMs: number) {
  return userFailure(StaffErrorCode.TOO_MANY_ATTEMPTS, `Too many failed sign-ins to this account from your network. Try again in ${inWords(waitMs)}.`);
}

function addressThrottled(waitMs: number) {
  return userFailure(StaffErrorCode.TOO_MANY_ATTEMPTS, `Too many sign-in attempts from your network. Try again in ${inWords(waitMs)}.`);
}

/** A wait as a person says it: seconds under a minute, minutes (rounded up) beyond. */
function inWords(waitMs: number): string {
  if (waitMs <= 60_000) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(waitMs / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
