import { isAvailableAt } from './availability';
import { GraphQLError } from 'graphql';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '../../shared/auth/principal';
import { inTransaction, type PendingEvents } from '../../shared/db/unit-of-work';
import { paginate, type Connection } from '../../shared/graphql/connection';
import { fromGlobalId } from '../../shared/graphql/global-id';
import { UserInputFailure } from '../../shared/graphql/user-errors';
import type { EventBus } from '../../shared/pubsub/event-bus';
import { Topic } from '../../shared/pubsub/topics';
import { StaffRole, StaffUser } from '../staff/staff-user.entity';
import { Extension, ExtensionStatus } from './extension.entity';
import { extensionErrors, ExtensionErrorCode } from './extensions.errors';
import type { ExtensionChangeKind, ExtensionSnapshot } from './extensions.events';
import type { CreateExtensionInput, ExtensionsArgs, UpdateExtensionInput } from './extensions.inputs';
import { validateWorkingHours, type WorkingHoursRangeValue } from './working-hours';

const UNIQUE_VIOLATION = '23505';

/**
 * Extension use cases. Each write runs in one transaction, serialised per business by an
 * advisory lock so the "exactly one primary" rule holds under concurrent edits, and publishes
 * `extensionUpdated` after commit.
 */
export class ExtensionsService {
  constructor(
    private readonly deps: { dataSource: DataSource; eventBus: EventBus; businessTimeZone: string; maxPageSize: number },
  ) {}

  list(args: ExtensionsArgs): Promise<Connection<Extension>> {
    const query = this.deps.dataSource.getRepository(Extension).createQueryBuilder('extension');
    if (args.status) query.where('extension.status = :status', { status: args.status });
    return paginate({ query, alias: 'extension', sortKey: 'number', sortColumn: 'number', direction: 'ASC', args, maxPageSize: this.deps.maxPageSize });
  }

  isAvailableNow(extension: Extension, at = new Date()): boolean {
    return isAvailableAt(extension, at, this.deps.businessTimeZone);
  }

  create(input: CreateExtensionInput): Promise<Extension> {
    return this.write(async (manager, events) => {
      assertValidHours(input.workingHours ?? []);
      await assertNumberFree(manager, input.number);
      const primary = await findPrimary(manager);
      if (input.isPrimaryEscalation && primary) throw extensionErrors.primaryAlreadySet(primary);
      const extension = manager.create(Extension, {
        number: input.number,
        employeeName: input.employeeName.trim(),
        role: input.role.trim(),
        phone: input.phone,
        status: input.status ?? ExtensionStatus.OFFLINE,
        workingHours: normaliseHours(input.workingHours ?? []),
        // The first extension becomes primary, so there is always exactly one once any exist.
        isPrimaryEscalation: primary === null,
        staffUserId: await resolveStaffUserId(manager, input.staffUserId),
      });
      const saved = await manager.save(extension);
      recordChange(events, 'CREATED', toSnapshot(saved));
      return saved;
    });
  }

  update(input: UpdateExtensionInput): Promise<Extension> {
    return this.write(async (manager, events) => {
      const extension = await findOrFail(manager, input.id);
      if (input.workingHours) {
        assertValidHours(input.workingHours);
        extension.workingHours = normaliseHours(input.workingHours);
      }
      if (input.number !== undefined && input.number !== extension.number) {
        await assertNumberFree(manager, input.number);
        extension.number = input.number;
      }
      if (input.isPrimaryEscalation === false && extension.isPrimaryEscalation) {
        throw extensionErrors.primaryRequired('isPrimaryEscalation', 'unset');
      }
      if (input.isPrimaryEscalation === true && !extension.isPrimaryEscalation) {
        const primary = await findPrimary(manager);
        if (primary) throw extensionErrors.primaryAlreadySet(primary);
        extension.isPrimaryEscalation = true;
      }
      if (input.employeeName !== undefined) extension.employeeName = input.employeeName.trim();
      if (input.role !== undefined) extension.role = input.role.trim();
      if (input.phone !== undefined) extension.phone = input.phone;
      if (input.status) extension.status = input.status;
      if (input.staffUserId !== undefined) extension.staffUserId = await resolveStaffUserId(manager, input.staffUserId);
      const saved = await manager.save(extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  delete(globalId: string): Promise<string> {
    return this.write(async (manager, events) => {
      const extension = await findOrFail(manager, globalId);
      if (extension.isPrimaryEscalation && (await manager.count(Extension)) > 1) {
        throw extensionErrors.primaryRequired('id', 'deleted');
      }
      const lastState = toSnapshot(extension); // taken first: remove() clears the entity's id
      await manager.remove(extension);
      recordChange(events, 'DELETED', lastState);
      return globalId;
    });
  }

  /** Admins and integrators set any extension's status; a staff member only their own. */
  setStatus(params: { id: string; status: ExtensionStatus; principal: Principal }): Promise<Extension> {
    const { id, status, principal } = params;
    return this.write(async (manager, events) => {
      const extension = await findOrFail(manager, id);
      if (principal.kind === 'staff' && principal.role !== StaffRole.ADMIN && extension.staffUserId !== principal.staffUserId) {
        throw new GraphQLError('You may only change the status of your own extension.', { extensions: { code: 'FORBIDDEN' } });
      }
      if (extension.status === status) return extension;
      extension.status = status;
      const saved = await manager.save(extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  /** Moves the primary flag in one step, so there is never a moment with none or two. */
  setPrimary(globalId: string): Promise<Extension> {
    return this.write(async (manager, events) => {
      const extension = await findOrFail(manager, globalId);
      if (extension.isPrimaryEscalation) return extension;
      const previous = await findPrimary(manager);
      if (previous) {
        previous.isPrimaryEscalation = false;
        recordChange(events, 'UPDATED', toSnapshot(await manager.save(previous)));
      }
      extension.isPrimaryEscalation = true;
      const saved = await manager.save(extension);
      recordChange(events, 'UPDATED', toSnapshot(saved));
      return saved;
    });
  }

  private write<T>(work: (manager: EntityManager, events: PendingEvents) => Promise<T>): Promise<T> {
    return inTransaction(this.deps.dataSource, this.deps.eventBus, async (manager, events) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('extensions'))`);
      try {
        return await work(manager, events);
      } catch (error) {
        // The advisory lock makes this rare; the unique index makes it impossible to miss.
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
          throw extensionErrors.duplicateNumber();
        }
        throw error;
      }
    });
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
  events.add(Topic.EXTENSION_UPDATED, { change, extension, occurredAt: new Date().toISOString() });
}

async function findOrFail(manager: EntityManager, globalId: string): Promise<Extension> {
  const id = fromGlobalId('Extension', globalId);
  const extension = id ? await manager.findOneBy(Extension, { id }) : null;
  if (!extension) throw extensionErrors.notFound();
  return extension;
}

function findPrimary(manager: EntityManager): Promise<Extension | null> {
  return manager.findOneBy(Extension, { isPrimaryEscalation: true });
}

async function assertNumberFree(manager: EntityManager, number: number): Promise<void> {
  if (await manager.existsBy(Extension, { number })) throw extensionErrors.duplicateNumber(number);
}

function assertValidHours(ranges: WorkingHoursRangeValue[]): void {
  const problems = validateWorkingHours(ranges);
  if (problems.length > 0) {
    throw new UserInputFailure(problems.map((p) => ({ ...p, code: ExtensionErrorCode.INVALID_WORKING_HOURS })));
  }
}

function normaliseHours(ranges: WorkingHoursRangeValue[]): WorkingHoursRangeValue[] {
  const order = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  return ranges
    .map(({ day, start, end }) => ({ day, start, end }))
    .sort((a, b) => order.indexOf(a.day) - order.indexOf(b.day) || a.start.localeCompare(b.start));
}

async function resolveStaffUserId(manager: EntityManager, globalId: string | null | undefined): Promise<string | null> {
  if (globalId === null || globalId === undefined) return null;
  const id = fromGlobalId('StaffUser', globalId);
  if (!id || !(await manager.existsBy(StaffUser, { id }))) throw extensionErrors.unknownStaffUser();
  return id;
}
