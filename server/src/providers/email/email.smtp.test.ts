import { describe, expect, it } from 'vitest';
import { classify } from './email.smtp';

const failure = (fields: Record<string, unknown>) => Object.assign(new Error('failed'), fields);

describe('what an SMTP failure means for another try', () => {
  it('treats a 5xx answer and a refused login as final, the server not having the message', () => {
    expect(classify(failure({ code: 'EMESSAGE', responseCode: 550 }))).toMatchObject({ permanent: true, mayHaveBeenDelivered: false });
    expect(classify(failure({ code: 'EAUTH', responseCode: 535 }))).toMatchObject({ permanent: true, mayHaveBeenDelivered: false });
  });

  it('retries a 4xx answer and a server nobody reached, knowing nothing was delivered', () => {
    expect(classify(failure({ code: 'EMESSAGE', responseCode: 451 }))).toMatchObject({ permanent: false, mayHaveBeenDelivered: false });
    expect(classify(failure({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }))).toMatchObject({ permanent: false, mayHaveBeenDelivered: false });
    expect(classify(failure({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }))).toMatchObject({ permanent: false, mayHaveBeenDelivered: false });
  });

  it('retries silence mid-conversation but records that the server may have the message', () => {
    expect(classify(failure({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }))).toMatchObject({ permanent: false, mayHaveBeenDelivered: true });
    expect(classify(failure({ code: 'ECONNECTION' }))).toMatchObject({ permanent: false, mayHaveBeenDelivered: true });
  });
});
