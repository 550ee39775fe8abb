import type { StaffRole } from '../../modules/staff/staff-user.entity';
import type { ApiScope } from './scopes';

/** Who is calling: a signed-in staff member, or an integrator's API key. */
export type Principal =
  | { kind: 'staff'; staffUserId: string; role: StaffRole; sessionId: string }
  | { kind: 'apiKey'; apiKeyId: string; scopes: ApiScope[] };
