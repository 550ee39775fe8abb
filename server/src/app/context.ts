import type { Principal } from '../shared/auth/principal';
import type { Loaders } from './module';

/** What every resolver may know about the request it serves. */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent?: string;
  /** Absent for anonymous callers; resolvers that need one declare it with @StaffOnly/@AdminOnly. */
  principal?: Principal;
  /** This request's DataLoaders: every relation a resolver returns is read through one. */
  loaders: Loaders;
}
