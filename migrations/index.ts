import { InitialSchema1795219200000 } from './1795219200000-initial-schema';
import { Conversations1795222800000 } from './1795222800000-conversations';
import { Channels1795230000000 } from './1795230000000-channels';
import { MetaChannels1795240000000 } from './1795240000000-meta-channels';
import { Telephony1795250000000 } from './1795250000000-telephony';
import { CallTranscripts1795260000000 } from './1795260000000-call-transcripts';
import { UnconfirmedSends1795270000000 } from './1795270000000-unconfirmed-sends';
import { DomainCallStatus1795280000000 } from './1795280000000-domain-call-status';
import { HandoffStateOnce1795290000000 } from './1795290000000-handoff-state-once';
import { WebhookRejectionTally1795300000000 } from './1795300000000-webhook-rejection-tally';
import { RepliesFromMetaInbox1795310000000 } from './1795310000000-replies-from-meta-inbox';
import { StaffDeactivation1795320000000 } from './1795320000000-staff-deactivation';
import { BookingsPricing1795400000000 } from './1795400000000-bookings-pricing';
import { Terms1795410000000 } from './1795410000000-terms';
import { TravelQuotes1795420000000 } from './1795420000000-travel-quotes';
import { ConversationReadMarkers1795500000000 } from './1795500000000-conversation-read-markers';
import { Handover1795510000000 } from './1795510000000-handover';
import { StaffPasswordLinks1795520000000 } from './1795520000000-staff-password-links';
import { CustomerRecordsAndSearch1795530000000 } from './1795530000000-customer-records-and-search';
import { AgentTools1795540000000 } from './1795540000000-agent-tools';
import { Alerts1795590000000 } from './1795590000000-alerts';
import { PaymentsLedger1795600000000 } from './1795600000000-payments-ledger';
import { BankTransactions1795600001000 } from './1795600001000-bank-transactions';
import { DepositCheckouts1795610000000 } from './1795610000000-deposit-checkouts';
import { BankConnections1795620000000 } from './1795620000000-bank-connections';
import { SelfServiceChanges1795700000000 } from './1795700000000-self-service-changes';
import { Reviews1795800000000 } from './1795800000000-reviews';
import { Tasks1795800000001 } from './1795800000001-tasks';
import { GoogleBusiness1795800000010 } from './1795800000010-google-business';
import { ScheduledMessages1795800000020 } from './1795800000020-scheduled-messages';
import { Metrics1795800000030 } from './1795800000030-metrics';
import { Email1795800000040 } from './1795800000040-email';

/**
 * Every migration, oldest first. The server applies pending ones at start.
 * Add a new file as <unix-ms>-<what-it-does>.ts exporting a class named <What><unix-ms>, and list it here.
 */
export const migrations = [
  InitialSchema1795219200000,
  Conversations1795222800000,
  Channels1795230000000,
  MetaChannels1795240000000,
  Telephony1795250000000,
  CallTranscripts1795260000000,
  UnconfirmedSends1795270000000,
  DomainCallStatus1795280000000,
  HandoffStateOnce1795290000000,
  WebhookRejectionTally1795300000000,
  RepliesFromMetaInbox1795310000000,
  StaffDeactivation1795320000000,
  BookingsPricing1795400000000,
  Terms1795410000000,
  TravelQuotes1795420000000,
  ConversationReadMarkers1795500000000,
  Handover1795510000000,
  StaffPasswordLinks1795520000000,
  CustomerRecordsAndSearch1795530000000,
  AgentTools1795540000000,
  Alerts1795590000000,
  PaymentsLedger1795600000000,
  BankTransactions1795600001000,
  DepositCheckouts1795610000000,
  BankConnections1795620000000,
  SelfServiceChanges1795700000000,
  Reviews1795800000000,
  Tasks1795800000001,
  GoogleBusiness1795800000010,
  ScheduledMessages1795800000020,
  Metrics1795800000030,
  Email1795800000040,
];
