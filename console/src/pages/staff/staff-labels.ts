import type { StaffRole } from '../../graphql/generated/graphql';

export const STAFF_PAGE_VARIABLES = { first: 100 } as const;

export const ROLE_CHOICES: ReadonlyArray<{ value: StaffRole; label: string }> = [
  { value: 'STAFF', label: 'Staff' },
  { value: 'ADMIN', label: 'Admin' },
];
