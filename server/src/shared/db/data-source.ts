import { DataSource } from 'typeorm';
import { migrations } from '../../../../migrations';
import { Booking } from '../../modules/bookings/booking.entity';
import { Conversation } from '../../modules/conversations/conversation.entity';
import { Message } from '../../modules/conversations/message.entity';
import { Customer, CustomerIdentity } from '../../modules/customers/customer.entity';
import { Escalation, RoutingDecision } from '../../modules/escalations/escalation.entity';
import { Extension } from '../../modules/extensions/extension.entity';
import { OutboxSms } from '../../providers/sms/sms.local';
import { ChannelConnectionRow } from '../../modules/channels/channel-connections.service';
import { MessagingConsent } from '../../modules/channels/consent';
import { OutboundSend } from '../../modules/channels/outbound-delivery.service';
import { Lead, SocialComment } from '../../modules/social/social-comment.entity';
import { WebhookEvent, WebhookRejection } from '../../modules/webhooks/webhook-event.entity';
import { PhoneCall } from '../../modules/telephony/phone-call.entity';
import { ApiKey } from '../../modules/staff/api-key.entity';
import { StaffSession } from '../../modules/staff/staff-session.entity';
import { StaffUser } from '../../modules/staff/staff-user.entity';
import type { Logger } from '../logger';
import { AdvisoryLock, withAdvisoryLock } from './advisory-lock';

export const entities = [
  StaffUser,
  StaffSession,
  ApiKey,
  Extension,
  Customer,
  CustomerIdentity,
  Conversation,
  Message,
  Booking,
  Escalation,
  RoutingDecision,
  OutboxSms,
  WebhookEvent,
  WebhookRejection,
  OutboundSend,
  Lead,
  SocialComment,
  MessagingConsent,
  ChannelConnectionRow,
  PhoneCall,
];

/**
 * Connects to PostgreSQL and applies pending migrations from migrations/. The schema is only
 * ever changed by migrations: `synchronize` stays off.
 */
export async function openDatabase(params: { url: string; logger: Logger; applicationName?: string }): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: params.url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: params.applicationName ?? 'hibachi-server',
    extra: { max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 },
  });
  await dataSource.initialize();
  // Only one instance migrates at a time; the others wait, then find nothing left to do.
  const applied = await withAdvisoryLock(dataSource, AdvisoryLock.MIGRATIONS, () => dataSource.runMigrations({ transaction: 'each' }));
  for (const migration of applied) params.logger.info({ migration: migration.name }, 'migration applied');
  return dataSource;
}
