import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { ExtensionStatus, type Extension } from './extension.entity';
import type { ExtensionsService } from './extensions.service';
import type { PresenceStore } from './presence-store';

export const CHECK_PRESENCE = 'presence.check-gone';
export const SWEEP_PRESENCE = 'presence.sweep';

/** A socket's membership is refreshed a few times per grace period (at most every 20 s), and lapses after three missed refreshes. */
const MAX_REFRESH_MS = 20_000;
/** The per-close check runs this long after the grace period, so clocks a little apart never make it early. */
const CHECK_MARGIN_MS = 1000;

/**
 * Whether a staff member is watching, as their extension's availability: signing in makes it
 * available, the away toggle takes it out and back, and a console gone for the grace period
 * (no socket of that login on any instance) takes it offline; opening the console again
 * brings back an extension that presence took offline, but never one its owner set away.
 */
export class PresenceService {
  /** This instance's open staff sockets: connection id -> staff user id. */
  private readonly local = new Map<string, string>();
  private readonly refresher: NodeJS.Timeout;
  private readonly lapseMs: number;

  constructor(
    private readonly deps: {
      extensions: ExtensionsService;
      store: PresenceStore;
      uow: UnitOfWork;
      jobs: JobQueue;
      graceSeconds: number;
      retries: { retryLimit: number; retryDelaySeconds: number };
      logger: Logger;
    },
  ) {
    const refreshMs = Math.min(MAX_REFRESH_MS, Math.max(1000, (deps.graceSeconds * 1000) / 3));
    this.lapseMs = refreshMs * 3;
    this.refresher = setInterval(() => void this.refreshLocal(), refreshMs);
    this.refresher.unref();
  }

  /**
   * The check a close schedules for the end of its grace period, and a sweep over every watched
   * login for the consoles of an instance that died without closing them (their expiry passes).
   */
  jobs(): Array<JobDefinition<{ staffUserId: string }> | JobDefinition<object>> {
    return [
      {
        name: CHECK_PRESENCE,
        ...this.deps.retries,
        expireInSeconds: 60,
        concurrency: 2,
        handle: async ({ staffUserId }: { staffUserId: string }) => {
          await this.checkGone(staffUserId);
        },
      },
      {
        name: SWEEP_PRESENCE,
        ...this.deps.retries,
        expireInSeconds: 60,
        concurrency: 1,
        everySeconds: Math.max(5, this.deps.graceSeconds),
        handle: async () => {
          for (const staffUserId of await this.deps.store.watched()) await this.checkGone(staffUserId);
        },
      },
    ];
  }

  /** A staff member signed in: their extension is available. */
  async signedIn(staffUserId: string): Promise<void> {
    await this.forgetGone(staffUserId);
    await this.deps.extensions.setStatusOfStaffUser({ staffUserId, status: ExtensionStatus.AVAILABLE });
  }

  /** The away toggle: away takes the extension out of routing, back puts it in. */
  async setAway(staffUserId: string, away: boolean): Promise<Extension | null> {
    await this.forgetGone(staffUserId);
    await this.deps.extensions.setStatusOfStaffUser({ staffUserId, status: away ? ExtensionStatus.OFFLINE : ExtensionStatus.AVAILABLE });
    return this.deps.extensions.findByStaffUserId(staffUserId);
  }

  /** A console socket opened; returns its connection id for `disconnected`. */
  async connected(staffUserId: string): Promise<string> {
    const connectionId = randomUUID();
    this.local.set(connectionId, staffUserId);
    await this.deps.store.keep(staffUserId, connectionId, Date.now() + this.lapseMs);
    if (await this.deps.store.takeGone(staffUserId)) {
      await this.deps.extensions.setStatusOfStaffUser({ staffUserId, status: ExtensionStatus.AVAILABLE, from: [ExtensionStatus.OFFLINE] });
    }
    return connectionId;
  }

  /**
   * A console socket closed: check once the grace period is over. Checked then rather than now,
   * so a reload, or another tab or instance that closes meanwhile, is counted as it is by then.
   */
  async disconnected(staffUserId: string, connectionId: string): Promise<void> {
    this.local.delete(connectionId);
    await this.deps.store.drop(staffUserId, connectionId, Date.now());
    const startAfter = new Date(Date.now() + this.deps.graceSeconds * 1000 + CHECK_MARGIN_MS);
    await this.deps.uow.run((tx) => this.deps.jobs.enqueue(tx, CHECK_PRESENCE, { staffUserId }, { startAfter }));
  }

  /**
   * No console anywhere for the whole grace period: the extension goes offline (unless it is
   * already away). A console seen more recently is left to the check of its own close.
   */
  async checkGone(staffUserId: string, now = Date.now()): Promise<void> {
    const { open, lastSeen } = await this.deps.store.seen(staffUserId, now);
    if (open > 0 || lastSeen === null || now - lastSeen < this.deps.graceSeconds * 1000) return;
    const changed = await this.deps.extensions.setStatusOfStaffUser({
      staffUserId,
      status: ExtensionStatus.OFFLINE,
      from: [ExtensionStatus.AVAILABLE, ExtensionStatus.BUSY],
    });
    await this.deps.store.settleGone(staffUserId, changed !== null);
  }

  stop(): void {
    clearInterval(this.refresher);
  }

  /** Sign-in and the away toggle work while Redis is unreachable: the mark is only a hint for a reopened console. */
  private async forgetGone(staffUserId: string): Promise<void> {
    try {
      await this.deps.store.takeGone(staffUserId);
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not clear the console-gone mark');
    }
  }

  private async refreshLocal(): Promise<void> {
    const expiresAt = Date.now() + this.lapseMs;
    try {
      await Promise.all([...this.local].map(([connectionId, staffUserId]) => this.deps.store.keep(staffUserId, connectionId, expiresAt)));
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not refresh console presence');
    }
  }
}
