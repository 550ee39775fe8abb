import { GraphQLError } from 'graphql';
import type { Principal } from '../../shared/auth/principal';
import { StaffRole } from '../../shared/auth/roles';
import type { PendingEvents, Tx, UnitOfWork } from '../../shared/db/unit-of-work';
import type { Connection } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { inputErrors, throwIfAny, type UserError } from '../../shared/graphql/user-errors';
import { isAvailableAt } from './availability';
import { Extension, ExtensionStatus } from './extension.entity';
import { extensionErrors, ExtensionErrorCode } from './extensions.errors';
import { ExtensionTopic, type ExtensionChangeKind, type ExtensionSnapshot } from './extensions.events';
import { normaliseExtensionPhone, type CreateExtensionInput, type ExtensionsArgs, type UpdateExtensionInput } from './extensions.inputs';
import { isUniqueViolation, type ExtensionsRepository } from './extensions.repository';
import { nextWorkingHoursChange, validateWorkingHours, type WorkingHoursRangeValue } from './working-hours';

/**
 * Extension use cases. Each write runs in one transaction, serialised per business by an
 * advisory lock so the "exactly one primary" rule holds under concurrent edits, and publishes
 * `extensionUpdated` after commit.
 */
export class ExtensionsService {
  constructor(private readonly deps: { uow: UnitOfWork; repository: ExtensionsRepository; businessTimeZone: string }) {}

  list(args: ExtensionsArgs): Promise<Connection<Extension>> {
    return this.deps.repository.list({ status: args.status }, args);
  }

  findByIds(ids: readonly string[]): Promise<Extension[]> {
    return this.deps.repository.findByIds(ids);
  }

  findById(id: string, tx?: Tx): Promise<Extension | null> {
    return this.deps.repository.findById(id, tx);
  }

  /** Every extension by number, read in the caller's transaction: what routing chooses from. */
  allForRouting(tx: Tx): Promise<Extension[]> {
    return this.deps.repository.allByNumber(tx);
  }

  /** The primary escalation extension: who is texted first, for escalations and alerts alike. */
  findPrimary(tx?: Tx): Promise<Extension | null> {
    return this.deps.repository.findPrimary(tx);
  }

  isAvailableNow(extension: Extension, at = new Date()): boolean {
    return isAvailableAt(extension, at, this.deps.businessTimeZone);
  }

  /** When `isAvailableNow` next changes by the clock alone; null when only a change of status can change it. */
  availabilityChangesAt(extension: Extension, at = new Date()): Date | null {
    if (extension.status !== ExtensionStatus.AVAILABLE) return null;
    return nextWorkingHoursChange(extension.workingHours, at, this.deps.businessTimeZone);
  }

  /** Every problem of the form at once: its input rules, its hours, a taken number, an unknown login, a second primary. */
  async create(input: CreateExtensionInput): Promise<Extension> {
    const problems: UserError[] = [...(await inputErrors(input)), ...hoursErrors(input.workingHours ?? [])];
    return this.write(async (tx, events) => {
      const { repository } = this.deps;
      if (!problems.some((p) => p.field === 'number') && (await repository.numberTaken(tx, input.number))) {
        problems.push(extensionErrors.duplicateNumber(input.number).userErrors[0]);
      }
      const primary = await repository.findPrimary(tx);
      if (input.isPrimaryEscalation && primary) problems.push(extensionErrors.primaryAlreadySet(primary).userErrors[0]);
      const staffUserId = await this.staffUserIdOrProblem(tx, input.staffUserId, problems);
      throwIfAny(problems);
      const extension = repository.create({
        number: input.number,
        employeeName: input.employeeName.trim(),
        role: input.role.trim(),
        phone: normaliseExtensionPhone(input.phone),
        status: input.status ?? ExtensionStatus.OFFLINE,
        workingHours: normaliseHours(input.workingHours ?? []),
        // The first extension becomes primary, so there is always exactly one once any exist.
        isPrimaryEscalation: primary === null,
        staffUserId,
      });
      const saved = await repository.save(tx, extension);
      recordChange(events, 'CREATED', toSnapshot(saved));
      return saved;
    });
  }

  async update(input: UpdateExtensionInput): Promise<Extension> {
    const problems: UserError[] = [...(await inputErrors(input)), ...(input.workingHours ? hoursErrors(input.workingHours) : [])];
    return this.write(async (tx, events) => {
      const extension = await this.findOrFail(tx, input.id);
      const numberChanges = input.number !== undefined && input.number !== null && input.number !== extension.number;
      if (numberChanges && !problems.some((p) => p.field === 'number') && (await this.deps.repository.numberTaken(tx, input.number!))) {
        problems.push(extensionErrors.duplicateNumber(input.number!).userErrors[0]);
      }
      if (input.isPrimaryEscalation === false && extension.isPrimaryEscalation) {
        problems.push(extensionErrors.primaryRequired('isPrimaryEscalation', 'unset').userErrors[0]);
      }
      if (input.isPrimaryEscalation === true && !extension.isPrimaryEscalation) {
        const primary = await this.deps.repository.findPrimary(tx);
        if (primary) problems.push(extensionErrors.primaryAlreadySet(primary).userErrors[0]);
        else extension.isPrimaryEscalation = true;
      }
      const staffUserId = input.staffUserId !== undefined ? await this.staffUserIdOrProblem(tx, input.staffUserId, problems, extension.id) : undefined;
      throwIfAny(problems);
      if (input.workingHours) extension.workingHours = normaliseHours(input.workingHours);
      if (numberChanges) extension.number = input.number!;
      if (input.employeeName !== undefined && input.employeeName !== null) extension.employeeName = input.employeeName.trim();
      if (input.role !== undefined && input.role !== null) extension.role = input.role.trim();
      if (input.phone !== undefined && input.phone !== null) extension.phone = normaliseExtensionPhone(input.phone);
      if (input.status) extension.status = input.status;
      if (staffUserId !== undefined) extension.staffUserId = staffUserId;
      const saved = await this.deps.repository.save(tx, extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  delete(globalId: string): Promise<string> {
    return this.write(async (tx, events) => {
      const extension = await this.findOrFail(tx, globalId);
      if (extension.isPrimaryEscalation && (await this.deps.repository.count(tx)) > 1) {
        throw extensionErrors.primaryRequired('id', 'deleted');
      }
      const lastState = toSnapshot(extension); // taken first: remove() clears the entity's id
      await this.deps.repository.remove(tx, extension);
      recordChange(events, 'DELETED', lastState);
      return globalId;
    });
  }

  /** Admins and integrators set any extension's status; a staff member only their own. */
  setStatus(params: { id: string; status: ExtensionStatus; principal: Principal }): Promise<Extension> {
    const { id, status, principal } = params;
    return this.write(async (tx, events) => {
      const extension = await this.findOrFail(tx, id);
      if (principal.kind === 'staff' && principal.role !== StaffRole.ADMIN && extension.staffUserId !== principal.staffUserId) {
        throw new GraphQLError('You may only change the status of your own extension.', { extensions: { code: 'FORBIDDEN' } });
      }
      if (extension.status === status) return extension;
      extension.status = status;
      const saved = await this.deps.repository.save(tx, extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  /** The extension a staff login answers, if any. */
  findByStaffUserId(staffUserId: string): Promise<Extension | null> {
    return this.deps.repository.findByStaffUserId(staffUserId);
  }

  findByStaffUserIds(staffUserIds: readonly string[]): Promise<Extension[]> {
    return this.deps.repository.findByStaffUserIds(staffUserIds);
  }

  /**
   * Presence: sets the status of the extension a staff login answers, when it is one of
   * `from` (so "gone" never overrides a status someone chose since). Null when the login has
   * no extension or nothing changed.
   */
  setStatusOfStaffUser(params: { staffUserId: string; status: ExtensionStatus; from?: readonly ExtensionStatus[] }): Promise<Extension | null> {
    return this.write(async (tx, events) => {
      const extension = await this.deps.repository.findByStaffUserId(params.staffUserId, tx);
      if (!extension || extension.status === params.status) return null;
      if (params.from && !params.from.includes(extension.status)) return null;
      extension.status = params.status;
      const saved = await this.deps.repository.save(tx, extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  /**
   * Links a staff login to an extension (or to none, with null) in the caller's transaction,
   * unlinking the one it had. Refused when the extension answers to someone else.
   */
  async linkStaffUser(tx: Tx, events: PendingEvents, params: { staffUserId: string; extensionGlobalId: string | null; field: string }): Promise<void> {
    await this.deps.repository.lockForWrite(tx);
    const current = await this.deps.repository.findByStaffUserId(params.staffUserId, tx);
    const wanted = params.extensionGlobalId === null ? null : await this.findOrFail(tx, params.extensionGlobalId, params.field);
    if (wanted && wanted.staffUserId && wanted.staffUserId !== params.staffUserId) throw extensionErrors.extensionHasStaffUser(wanted.number, params.field);
    if (current && current.id !== wanted?.id) {
      current.staffUserId = null;
      recordChange(events, 'UPDATED', toSnapshot(await this.deps.repository.save(tx, current)));
    }
    if (wanted && wanted.staffUserId !== params.staffUserId) {
      wanted.staffUserId = params.staffUserId;
      recordChange(events, 'UPDATED', toSnapshot(await this.deps.repository.save(tx, wanted)));
    }
  }

  /** Moves the primary flag in one step, so there is never a moment with none or two. */
  setPrimary(globalId: string): Promise<Extension> {
    return this.write(async (tx, events) => {
      const extension = await this.findOrFail(tx, globalId);
      if (extension.isPrimaryEscalation) return extension;
      const previous = await this.deps.repository.findPrimary(tx);
      if (previous) {
        previous.isPrimaryEscalation = false;
        recordChange(events, 'UPDATED', toSnapshot(await this.deps.repository.save(tx, previous)));
      }
      extension.isPrimaryEscalation = true;
      const saved = await this.deps.repository.save(tx, extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  private write<T>(work: (tx: Tx, events: PendingEvents) => Promise<T>): Promise<T> {
    return this.deps.uow.run(async (tx, events) => {
      await this.deps.repository.lockForWrite(tx);
      try {
        return await work(tx, events);
      } catch (error) {
        if (isUniqueViolation(error)) throw extensionErrors.duplicateNumber();
        throw error;
      }
    });
  }

  private async findOrFail(tx: Tx, globalId: string, field = 'id'): Promise<Extension> {
    const id = fromGlobalId('Extension', globalId);
    const extension = id ? await this.deps.repository.findById(id, tx) : null;
    if (!extension) throw extensionErrors.notFound(field);
    return extension;
  }

  private async staffUserIdOrProblem(tx: Tx, globalId: string | null | undefined, problems: UserError[], extensionId?: string): Promise<string | null> {
    if (globalId === null || globalId === undefined) return null;
    const id = fromGlobalId('StaffUser', globalId);
    if (!id || !(await this.deps.repository.staffUserExists(tx, id))) {
      problems.push(extensionErrors.unknownStaffUser().userErrors[0]);
      return null;
    }
    const linked = await this.deps.repository.findByStaffUserId(id, tx);
    if (linked && linked.id !== extensionId) problems.push(extensionErrors.staffUserHasExtension(linked.number).userErrors[0]);
    return id;
  }
}

export function toSnapshot(extension: Extension): ExtensionSnapshot {
  return {
    id: extension.id,
    number: extension.number,
    employeeName: extension.employeeName,
    role: extension.role,
    phone: extension.phone,
    status: extension.status,
    workingHours: extension.workingHours.map(({ day, start, end }) => ({ day, start, end })),
    isPrimaryEscalation: extension.isPrimaryEscalation,
    staffUserId: extension.staffUserId,
    createdAt: new Date(extension.createdAt).toISOString(),
    updatedAt: new Date(extension.updatedAt).toISOString(),
  };
}

export function fromSnapshot(snapshot: ExtensionSnapshot): Extension {
  return Object.assign(new Extension(), {
    ...snapshot,
    createdAt: new Date(snapshot.createdAt),
    updatedAt: new Date(snapshot.updatedAt),
  });
}

function recordChange(events: PendingEvents, change: ExtensionChangeKind, extension: ExtensionSnapshot): void {
  events.add(ExtensionTopic.UPDATED, { change, extension, occurredAt: new Date().toISOString() });
}

function hoursErrors(ranges: WorkingHoursRangeValue[]): UserError[] {
  return validateWorkingHours(ranges).map((p) => ({ ...p, code: ExtensionErrorCode.INVALID_WORKING_HOURS }));
}

function normaliseHours(ranges: WorkingHoursRangeValue[]): WorkingHoursRangeValue[] {
  const order = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  return ranges
    .map(({ day, start, end }) => ({ day, start, end }))
    .sort((a, b) => order.indexOf(a.day) - order.indexOf(b.day) || a.start.localeCompare(b.start));
}

