import type { ContainerType } from 'type-graphql';
import type { LoaderOptions } from '../shared/graphql/loaders';
import { alertsModule } from '../modules/alerts/alerts.module';
import { assistantModule } from '../modules/assistant/assistant.module';
import { bankFeedModule } from '../modules/bank-feed/bank-feed.module';
import { bookingsModule } from '../modules/bookings/bookings.module';
import { cannedRepliesModule } from '../modules/canned-replies/canned-replies.module';
import { channelsModule } from '../modules/channels/channels.module';
import { conversationsModule } from '../modules/conversations/conversations.module';
import { customerRecordsModule } from '../modules/customer-records/customer-records.module';
import { customersModule } from '../modules/customers/customers.module';
import { depositsModule } from '../modules/deposits/deposits.module';
import { emailModule } from '../modules/email/email.module';
import { escalationsModule } from '../modules/escalations/escalations.module';
import { googleBusinessModule } from '../modules/google-business/google-business.module';
import { extensionsModule } from '../modules/extensions/extensions.module';
import { inboundModule } from '../modules/inbound/inbound.module';
import { inboxModule } from '../modules/inbox/inbox.module';
import { metricsModule } from '../modules/metrics/metrics.module';
import { reviewsModule } from '../modules/reviews/reviews.module';
import { searchModule } from '../modules/search/search.module';
import { notesModule } from '../modules/notes/notes.module';
import { paymentsModule } from '../modules/payments/payments.module';
import { remindersModule } from '../modules/reminders/reminders.module';
import { socialModule } from '../modules/social/social.module';
import { staffModule } from '../modules/staff/staff.module';
import { tasksModule } from '../modules/tasks/tasks.module';
import { telephonyModule } from '../modules/telephony/telephony.module';
import { travelModule } from '../modules/travel/travel.module';
import { typingModule } from '../modules/typing/typing.module';
import { termsModule } from '../modules/terms/terms.module';
import { webChatModule } from '../modules/web-chat/web-chat.module';
import { webhooksModule } from '../modules/webhooks/webhooks.module';
import type { Core, Loaders, ModuleInstance, ModuleManifest, ModuleServices } from './module';

/**
 * Every module of the product, in the order they are created: a module may use the services
 * of the modules above it. Adding a module is one line here.
 */
export const MODULES: readonly ModuleManifest[] = [
  // Before staff: signing in sets the availability of the staff member's extension.
  extensionsModule,
  staffModule,
  customersModule,
  travelModule,
  channelsModule,
  alertsModule,
  conversationsModule,
  escalationsModule,
  inboxModule,
  bookingsModule,
  assistantModule,
  termsModule,
  // After bookings: the ledger sets a booking's paid amount through the bookings service.
  paymentsModule,
  customerRecordsModule,
  searchModule,
  inboundModule,
  webChatModule,
  cannedRepliesModule,
  notesModule,
  typingModule,
  telephonyModule,
  socialModule,
  webhooksModule,
  // After payments and webhooks: deposits record in the ledger and plug Stripe into the inbox.
  depositsModule,
  // After payments (its ledger) and webhooks (Plaid's deliveries).
  bankFeedModule,
  // After bookings, customers, alerts and extensions (the review policy uses them all); tasks first, which reviews create.
  tasksModule,
  reviewsModule,
  // After webhooks (Pub/Sub pushes) and alerts; after the reviews module, whose intake it feeds.
  googleBusinessModule,
  metricsModule,
  // After bookings, customers, conversations, channels (reminders go in the customer's thread) and Google (its review link).
  remindersModule,
  // After the modules whose figures the weekly reports read (bookings, payments, conversations, escalations, reviews).
  emailModule,
];

export const entities = MODULES.flatMap((module) => module.entities);
export const resolvers = MODULES.flatMap((module) => module.resolvers);

export interface CreatedModules {
  services: ModuleServices;
  instances: ReadonlyArray<{ manifest: ModuleManifest; instance: ModuleInstance }>;
}

/**
 * Creates the modules in order. A module that reaches for a service of a module created after
 * it gets a clear error at start (the order above is wrong), not an undefined later.
 */
export function createModules(core: Core): CreatedModules {
  const services: Partial<ModuleServices> = {};
  const instances: Array<{ manifest: ModuleManifest; instance: ModuleInstance }> = [];
  for (const manifest of MODULES) {
    const available = new Proxy(services, {
      get(target, name) {
        if (typeof name === 'string' && !(name in target) && !OPTIONAL_SERVICES.has(name)) {
          throw new Error(`module ${manifest.name} uses "${name}", which no module created before it offers: check the order in app/modules.ts`);
        }
        return target[name as keyof ModuleServices];
      },
    }) as ModuleServices;
    const instance = manifest.create(core, available);
    Object.assign(services, instance.services);
    instances.push({ manifest, instance });
  }
  return { services: services as ModuleServices, instances };
}

/** Services a module offers only when configured (RingCentral without credentials). */
const OPTIONAL_SERVICES: ReadonlySet<string> = new Set(['ringCentral']);

/** The request's DataLoaders, from every module. */
export function createLoaders(modules: CreatedModules, options: LoaderOptions): Loaders {
  return Object.assign({}, ...modules.instances.map(({ instance }) => instance.loaders?.(options) ?? {})) as Loaders;
}

/** type-graphql's container: the resolver instances the modules made, by class. */
export function resolverContainer(modules: CreatedModules): ContainerType {
  const byClass = new Map<Function, object>();
  for (const { instance } of modules.instances) for (const resolver of instance.resolvers ?? []) byClass.set(resolver.constructor, resolver);
  return {
    get(resolverClass: Function) {
      const instance = byClass.get(resolverClass);
      if (!instance) throw new Error(`${resolverClass.name} has no instance: its module's create() must return it in resolvers`);
      return instance;
    },
  };
}
