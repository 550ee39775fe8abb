import type { DataSource } from 'typeorm';
import { RepositoryBase, type Tx } from '../../shared/db/unit-of-work';
import { paginate, type Connection, type ConnectionArgs } from '../../shared/graphql/connection';
import type { CallStatusEvent } from './call-status';
import { CallTranscription, PhoneCall } from './phone-call.entity';

/** Phone calls: the only code that knows how they are stored. */
export class PhoneCallsRepository extends RepositoryBase {
  constructor(
    dataSource: DataSource,
    private readonly maxPageSize: number,
  ) {
    super(dataSource);
  }

  /** The call this event is about, created by its first event, row-locked until the transaction ends. */
  async lockForEvent(tx: Tx, event: CallStatusEvent): Promise<PhoneCall> {
    const manager = this.manager(tx);
    await manager.query(
      `INSERT INTO phone_call (telephony_session_id, party_id, provider_extension_id, caller_number, status, provider_status, last_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (telephony_session_id, party_id) DO NOTHING`,
      [event.telephonySessionId, event.partyId, event.providerExtensionId, event.callerNumber, event.status, event.providerStatus, event.sequence],
    );
    return manager.findOneOrFail(PhoneCall, { where: { telephonySessionId: event.telephonySessionId, partyId: event.partyId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Writes a call the caller holds locked. */
  save(tx: Tx, call: PhoneCall): Promise<PhoneCall> {
    return this.manager(tx).save(call);
  }

  findById(id: string): Promise<PhoneCall | null> {
    return this.manager().findOneBy(PhoneCall, { id });
  }

  /** Writes only these columns, so a change made since the call was read (by a notification) stays. */
  async update(id: string, changes: Partial<Pick<PhoneCall, 'status' | 'providerStatus' | 'transferredToExtensionId' | 'transferredAt' | 'transcription' | 'transcriptionJobId' | 'transcriptionError' | 'transcript'>>): Promise<void> {
    await this.manager().update(PhoneCall, { id }, changes);
  }

  /** Records the transcription job, unless the transcript has come back already. */
  async markTranscriptionRequested(id: string, jobId: string): Promise<void> {
    await this.manager().update(PhoneCall, { id, transcription: CallTranscription.PENDING }, { transcription: CallTranscription.REQUESTED, transcriptionJobId: jobId });
  }

  /** Records why a recording could not be transcribed; a transcript that arrived after all is kept. */
  async markTranscriptionFailed(id: string, reason: string): Promise<void> {
    await this.manager()
      .createQueryBuilder()
      .update(PhoneCall)
      .set({ transcription: CallTranscription.FAILED, transcriptionError: reason })
      .where('id = :id AND transcription IS DISTINCT FROM :done', { id, done: CallTranscription.TRANSCRIBED })
      .execute();
  }

  list(args: ConnectionArgs): Promise<Connection<PhoneCall>> {
    const query = this.manager().createQueryBuilder(PhoneCall, 'call');
    return paginate({ query, alias: 'call', sortKey: 'startedAt', sortColumn: 'started_at', direction: 'DESC', args, maxPageSize: this.maxPageSize });
  }
}
