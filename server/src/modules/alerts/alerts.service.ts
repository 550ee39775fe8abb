import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Logger } from '../../shared/logger';
import type { OutboundDelivery } from '../channels/outbound-delivery.service';
import type { ExtensionsService } from '../extensions/extensions.service';
import { Alert } from './alert.entity';
import { AlertTopic, type AlertEventPayload } from './alerts.events';
import type { AlertsRepository } from './alerts.repository';
import type { Connection, ConnectionArgs } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { userFailure } from '../../shared/graphql/user-errors';

/**
 * Alerts for the owner (SPEC §8): recorded, published live to every console, and texted to the
 * primary escalation extension. Raising is idempotent while the alert is open, so a check that
 * runs on a schedule may raise the same alert every time it runs: one row, one text.
 */
export class AlertsService {
  constructor(
    private readonly deps: {
      uow: UnitOfWork;
      repository: AlertsRepository;
      outbound: OutboundDelivery;
      extensions: ExtensionsService;
      logger: Logger;
    },
  ) {}

  /** Raises the alert unless the same kind and subject is already open. Says whether it was new. */
  raise(params: { kind: string; subjectId: string; message: string }): Promise<boolean> {
    return this.deps.uow.run((tx, events) => this.raiseIn(tx, events, params));
  }

  /**
   * `raise` inside the caller's transaction: the alert stands or falls with what caused it.
   * `urgent`: someone must act now (an escalation), so the text goes even in quiet hours.
   */
  async raiseIn(tx: Tx, events: PendingEvents, params: { kind: string; subjectId: string; message: string; urgent?: boolean }): Promise<boolean> {
    const alert = await this.deps.repository.insertIfNoneOpen(tx, { kind: params.kind, subjectId: params.subjectId, message: params.message });
    if (!alert) return false;
    const primary = await this.deps.extensions.findPrimary(tx);
    if (primary) {
      // Keyed by the alert row: a retried job or a second instance never texts twice.
      await this.deps.outbound.queue(tx, { idempotencyKey: `alert:${alert.id}`, to: primary.phone, body: params.message, purpose: params.urgent ? 'ESCALATION_ALERT' : 'OPERATIONS_ALERT' });
    }
    events.add(AlertTopic.RAISED, toPayload(alert));
    this.deps.logger.info({ alertId: alert.id, kind: alert.kind }, 'alert raised');
    return true;
  }

  /**
   * Closes the open alert of this kind and subject, if any (what caused it was dealt with).
   * `message`: also text it to the primary extension (a metric back within its threshold), once
   * per alert row however many instances close it.
   */
  resolve(params: { kind: string; subjectId: string; message?: string }): Promise<boolean> {
    return this.deps.uow.run(async (tx, events) => {
      const alert = await this.deps.repository.resolveOpen(tx, params);
      if (!alert) return false;
      if (params.message) {
        const primary = await this.deps.extensions.findPrimary(tx);
        if (primary) await this.deps.outbound.queue(tx, { idempotencyKey: `alert-resolved:${alert.id}`, to: primary.phone, body: params.message, purpose: 'OPERATIONS_ALERT' });
      }
      events.add(AlertTopic.RESOLVED, toPayload(alert));
      this.deps.logger.info({ alertId: alert.id, kind: alert.kind }, 'alert resolved');
      return true;
    });
  }

  /** A staff member has seen the alert: who and when, the first time only. */
  acknowledge(globalId: string, staffUserId: string | null): Promise<Alert> {
    const id = fromGlobalId('Alert', globalId);
    if (!id) throw userFailure('NOT_FOUND', 'This alert no longer exists.', 'id');
    return this.deps.uow.run(async (tx, events) => {
      const result = await this.deps.repository.acknowledge(tx, id, staffUserId);
      if (!result) throw userFailure('NOT_FOUND', 'This alert no longer exists.', 'id');
      if (result.changed) events.add(AlertTopic.ACKNOWLEDGED, toPayload(result.alert));
      return result.alert;
    });
  }

  list(params: { open: boolean | null; kind: string | null; args: ConnectionArgs }): Promise<Connection<Alert>> {
    return this.deps.repository.list(params);
  }
}

function toPayload(alert: Alert): AlertEventPayload {
  return {
    alert: {
      id: alert.id,
      kind: alert.kind,
      subjectId: alert.subjectId,
      message: alert.message,
      raisedAt: new Date(alert.raisedAt).toISOString(),
      resolvedAt: alert.resolvedAt ? new Date(alert.resolvedAt).toISOString() : null,
      acknowledgedAt: alert.acknowledgedAt ? new Date(alert.acknowledgedAt).toISOString() : null,
      acknowledgedByStaffUserId: alert.acknowledgedByStaffUserId,
    },
  };
}

export function alertFromPayload(payload: AlertEventPayload): Alert {
  const { raisedAt, resolvedAt, acknowledgedAt, ...rest } = payload.alert;
  return Object.assign(new Alert(), {
    ...rest,
    raisedAt: new Date(raisedAt),
    resolvedAt: resolvedAt ? new Date(resolvedAt) : null,
    acknowledgedAt: acknowledgedAt ? new Date(acknowledgedAt) : null,
  });
}
