import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { toGlobalId } from '../../shared/graphql/global-id';
import { CallStatus } from './call-status';

export enum CallRoutedTo {
  EXTENSION = 'EXTENSION',
  VOICEMAIL = 'VOICEMAIL',
}
registerEnumType(CallRoutedTo, { name: 'CallRoutedTo' });

/** Where the transcript of a recorded call stands. */
export enum CallTranscription {
  /** The call ended with a recording; RingCentral has not taken the transcription job yet. */
  PENDING = 'PENDING',
  /** RingCentral is transcribing; it calls back when done. */
  REQUESTED = 'REQUESTED',
  /** The transcript is in the caller's PHONE thread. */
  TRANSCRIBED = 'TRANSCRIBED',
  FAILED = 'FAILED',
}
registerEnumType(CallTranscription, { name: 'CallTranscription' });

/**
 * One inbound call to the business: the caller's party of a RingCentral telephony session.
 * Created by the first status event, routed once, kept current by later events (which may
 * arrive out of order: only a higher sequence number changes the status).
 */
@Entity({ name: 'phone_call' })
@Index(['telephonySessionId', 'partyId'], { unique: true })
@ObjectType({ description: 'An inbound phone call to the business, how it was routed, and whether staff transferred it.' })
export class PhoneCall {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('PhoneCall', this.id);
  }

  @Column({ type: 'varchar', length: 120, name: 'telephony_session_id' })
  telephonySessionId!: string;

  @Column({ type: 'varchar', length: 120, name: 'party_id' })
  partyId!: string;

  /** The RingCentral extension that was called: its mailbox takes the voicemail. */
  @Column({ type: 'varchar', length: 40, name: 'provider_extension_id', nullable: true })
  providerExtensionId!: string | null;

  @Field(() => String, { nullable: true, description: 'E.164 (or an internal number); null when the caller withheld their number.' })
  @Column({ type: 'varchar', length: 64, name: 'caller_number', nullable: true })
  callerNumber!: string | null;

  @Field(() => CallStatus, { description: 'Where the call stands, as of the latest status event.' })
  @Column({ type: 'varchar', length: 24 })
  status!: CallStatus;

  /** RingCentral's own code for `status` (Setup, Proceeding, Hold…): for debugging, never shown to staff. */
  @Column({ type: 'varchar', length: 24, name: 'provider_status' })
  providerStatus!: string;

  /** The sequence number of the event that set `status`. */
  @Column({ type: 'bigint', name: 'last_sequence', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  lastSequence!: number;

  @Field(() => CallRoutedTo, { nullable: true, description: 'Where the call was sent when it came in; null until routed.' })
  @Column({ type: 'varchar', length: 12, name: 'routed_to', nullable: true })
  routedTo!: CallRoutedTo | null;

  @Column({ type: 'uuid', name: 'routed_extension_id', nullable: true })
  routedExtensionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it went there (business hours, who was free).' })
  @Column({ type: 'text', name: 'routing_reason', nullable: true })
  routingReason!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'routed_at', nullable: true })
  routedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Set when the call could not be forwarded (it stopped ringing first, for example).' })
  @Column({ type: 'text', name: 'routing_error', nullable: true })
  routingError!: string | null;

  @Column({ type: 'uuid', name: 'transferred_to_extension_id', nullable: true })
  transferredToExtensionId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', name: 'transferred_at', nullable: true })
  transferredAt!: Date | null;

  /** RingCentral's id of the call's recording, when the call was recorded. */
  @Column({ type: 'varchar', length: 64, name: 'recording_id', nullable: true })
  recordingId!: string | null;

  @Field(() => CallTranscription, { nullable: true, description: 'The transcript of the call recording; null when the call was not recorded.' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  transcription!: CallTranscription | null;

  /** RingCentral's speech-to-text job id. */
  @Column({ type: 'varchar', length: 100, name: 'transcription_job_id', nullable: true })
  transcriptionJobId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the recording could not be transcribed.' })
  @Column({ type: 'text', name: 'transcription_error', nullable: true })
  transcriptionError!: string | null;

  @Field(() => String, { nullable: true, description: 'The whole transcript of the call recording ("Speaker 1: …" lines). The caller’s PHONE thread has it too, cut to the message length.' })
  @Column({ type: 'text', nullable: true })
  transcript!: string | null;

  @Field(() => Date, { description: 'When the first event for the call arrived.' })
  @CreateDateColumn({ type: 'timestamptz', name: 'started_at' })
  startedAt!: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
