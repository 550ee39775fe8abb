import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../../shared/db/unit-of-work';
import type { JobDefinition, JobQueue } from '../../shared/jobs/job-queue';
import type { Logger } from '../../shared/logger';
import { ExtensionStatus, type Extension } from './extension.entity';
import type { ExtensionsService } from './extensions.service';
import type { PresenceStore } from './presence-store';

export const CHECK_PRESENCE = 'presence.check-gone';

/** A socket's membership is refreshed this often; it lapses after three missed refreshes. */
const REFRESH_MS = 20_000;
const LAPSE_MS = REFRESH_MS * 3;

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
    this.refresher = setInterval(() => void this.refreshLocal(), REFRESH_MS);
    this.refresher.unref();
  }

  jobs(): Array<JobDefinition<{ staffUserId: string }>> {
    return [
      {
        name: CHECK_PRESENCE,
        ...this.deps.retries,
        expireInSeconds: 60,
        concurrency: 2,
        handle: async ({ staffUserId }) => {
          await this.checkGone(staffUserId);
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
    await this.deps.store.keep(staffUserId, connectionId, Date.now() + LAPSE_MS);
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
    await this.deps.store.drop(staffUserId, connectionId);
    const startAfter = new Date(Date.now() + this.deps.graceSeconds * 1000);
    await this.deps.uow.run((tx) => this.deps.jobs.enqueue(tx, CHECK_PRESENCE, { staffUserId }, { startAfter }));
  }

  /** Still no console anywhere after the grace period: the extension goes offline (unless already away). */
  async checkGone(staffUserId: string): Promise<void> {
    if ((await this.deps.store.count(staffUserId, Date.now())) > 0) return;
    const changed = await this.deps.extensions.setStatusOfStaffUser({
      staffUserId,
      status: ExtensionStatus.OFFLINE,
      from: [ExtensionStatus.AVAILABLE, ExtensionStatus.BUSY],
    });
    if (changed) await this.deps.store.markGone(staffUserId);
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
    const expiresAt = Date.now() + LAPSE_MS;
    try {
      await Promise.all([...this.local].map(([connectionId, staffUserId]) => this.deps.store.keep(staffUserId, connectionId, expiresAt)));
    } catch (error) {
      this.deps.logger.warn({ err: (error as Error).message }, 'could not refresh console presence');
    }
  }
}
