import { registerEnumType } from 'type-graphql';

/** What a signed-in person may do; access rules (shared/auth/access.ts) and the staff module both read it. */
export enum StaffRole {
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
}
registerEnumType(StaffRole, { name: 'StaffRole', description: 'ADMIN manages everything; STAFF works conversations and their own extension.' });
