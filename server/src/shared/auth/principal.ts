import type { StaffRole } from './roles';
import type { ApiScope } from './scopes';

/** Who is calling: a signed-in staff member, an integrator's API key, or a web-chat customer (WebSocket only). */
export type Principal =
  | { kind: 'staff'; staffUserId: string; role: StaffRole; sessionId: string }
  | { kind: 'apiKey'; apiKeyId: string; scopes: ApiScope[] }
  | { kind: 'webChat'; tokenHash: string };
