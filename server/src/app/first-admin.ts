import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExtensionStatus } from '../modules/extensions/extension.entity';
import { Weekday } from '../modules/extensions/working-hours';
import { StaffRole } from '../shared/auth/roles';
import type { DataSource } from 'typeorm';
import { AdvisoryLock, withAdvisoryLock } from '../shared/db/advisory-lock';
import type { Logger } from '../shared/logger';
import { ConfigError, type Config } from './config';
import type { ModuleServices } from './module';

export const DEMO_ADMIN_EMAIL = 'admin@demo.hibachi.test';

export interface DemoLogin {
  email: string;
  password: string;
  savedTo: string;
}

/**
 * A fresh database gets its first admin: from ADMIN_EMAIL/ADMIN_PASSWORD when set; in the
 * embedded default without them, a demo admin (password printed once, and kept in DATA_DIR so
 * a restart does not lock the newcomer out) and two fictional extensions.
 */
export function ensureFirstAdmin(params: { config: Config; services: ModuleServices; dataSource: DataSource; logger: Logger }): Promise<DemoLogin | undefined> {
  // Instances starting together against a fresh database must not both create one.
  return withAdvisoryLock(params.dataSource, AdvisoryLock.FIRST_ADMIN, () => createFirstAdminIfNone(params));
}

async function createFirstAdminIfNone(params: { config: Config; services: ModuleServices; logger: Logger }): Promise<DemoLogin | undefined> {
  const { config, services, logger } = params;
  if (await services.staff.hasAnyStaff()) return undefined;

  if (config.initialAdmin) {
    await services.staff.createStaffUser({ ...config.initialAdmin, role: StaffRole.ADMIN, displayName: 'Administrator' });
    logger.info('first admin created from ADMIN_EMAIL');
    return undefined;
  }
  if (config.database.kind !== 'embedded') {
    throw new ConfigError('ADMIN_EMAIL', 'and ADMIN_PASSWORD must be set: the database has no staff user yet, so a first admin must be created');
  }

  const password = randomBytes(12).toString('base64url');
  const { staffUser: admin } = await services.staff.createStaffUser({ email: DEMO_ADMIN_EMAIL, password, role: StaffRole.ADMIN, displayName: 'Demo Admin' });
  const everyDay = Object.values(Weekday).map((day) => ({ day, start: '09:00', end: '21:00' }));
  // Fictional people on 555-01xx numbers, which are reserved for fiction.
  await services.extensions.create({
    number: 101,
    employeeName: 'Avery Demo',
    role: 'Bookings',
    phone: '+15555550101',
    status: ExtensionStatus.AVAILABLE,
    workingHours: everyDay,
    staffUserId: admin.globalId,
  });
  await services.extensions.create({
    number: 102,
    employeeName: 'Jordan Demo',
    role: 'Events',
    phone: '+15555550102',
    status: ExtensionStatus.OFFLINE,
    workingHours: everyDay.slice(0, 5),
  });
  const savedTo = path.join(config.database.dataDir, 'demo-login.txt');
  await writeFile(savedTo, `Demo console login\nemail: ${DEMO_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  return { email: DEMO_ADMIN_EMAIL, password, savedTo };
}
