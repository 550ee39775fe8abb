import { SendError, type CallOptions, type OutgoingMessage } from '../outbound.port';
import type { SmsSender, SmsStatus } from '../sms/sms.port';
import { isLostTokenCode, RingCentralClient } from './ringcentral.client';
import { smsStatusOf, type MessageRecord } from './ringcentral.mapper';

const SMS_PATH = '/restapi/v1.0/account/~/extension/~/sms';
const MESSAGE_STORE = '/restapi/v1.0/account/~/extension/~/message-store';

/** Texts from the business number through RingCentral's REST API. */
export class RingCentralSmsSender implements SmsSender {
  readonly kind = 'ringcentral';

  constructor(
    private readonly client: RingCentralClient,
    private readonly fromNumber: string,
  ) {}

  async send(message: OutgoingMessage, options: CallOptions = {}): Promise<{ providerMessageId: string }> {
    if (options.signal?.aborted) throw new SendError('RingCentral: not sent, the attempt was stopped first', 'not-sent');
    try {
      const record = await this.client.request<MessageRecord>(
        'post',
        SMS_PATH,
        { from: { phoneNumber: this.fromNumber }, to: [{ phoneNumber: message.to }], text: message.body },
        undefined,
        options,
      );
      return { providerMessageId: String(record.id) };
    } catch (error) {
      const failure = await RingCentralClient.describeFailure(error);
      throw new SendError(`RingCentral: ${failure.message}${failure.errorCode ? ` (${failure.errorCode})` : ''}`, classify(failure.status, failure.network, failure.errorCode));
    }
  }

  async findSent(params: { to: string; body: string; since: Date }, options: CallOptions = {}): Promise<Array<{ providerMessageId: string }>> {
    const query = { direction: 'Outbound', messageType: 'SMS', dateFrom: params.since.toISOString(), phoneNumber: params.to, perPage: '100' };
    const page = await this.client.request<{ records: MessageRecord[] }>('get', MESSAGE_STORE, undefined, query, options);
    // The message store lists newest first.
    return page.records
      .filter((record) => record.subject === params.body && record.to?.some((to) => to.phoneNumber === params.to))
      .reverse()
      .map((record) => ({ providerMessageId: String(record.id) }));
  }

  async status(providerMessageId: string): Promise<SmsStatus | null> {
    try {
      const record = await this.client.request<MessageRecord>('get', `${MESSAGE_STORE}/${encodeURIComponent(providerMessageId)}`);
      return smsStatusOf(record.messageStatus);
    } catch {
      return null; // unknown or unreachable: asked again on the next status change
    }
  }
}

/**
 * 429 and 503 mean RingCentral did not take the text, and so does a token it no longer knows
 * (the next attempt logs in again); other 4xx will never work; anything else may have gone out.
 */
function classify(status: number | null, network: 'refused' | 'lost' | null, errorCode: string | null): 'not-sent' | 'permanent' | 'unknown' {
  if (status === null) return network === 'refused' ? 'not-sent' : 'unknown';
  if (isLostTokenCode(errorCode)) return 'not-sent';
  if (status === 429 || status === 503 || status === 401) return 'not-sent';
  if (status >= 400 && status < 500) return 'permanent';
  return 'unknown';
}
