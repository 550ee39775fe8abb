/**
 * The soak invariants the simulator checks at the end of a run: through GraphQL where the API
 * offers the facts (escalations, bookings and their payments), in SQL otherwise (the send log
 * and the bank ledger have no API of their own), and against what the stand-ins received.
 */
import type pg from 'pg';
import type { FakeMeta } from '../support/fake-meta-server';
import type { FakeRingCentral } from '../support/fake-ringcentral-server';

export interface InvariantResult {
  name: string;
  via: 'GraphQL' | 'SQL' | 'SQL + provider';
  ok: boolean;
  detail?: string;
}

interface Context {
  url: string;
  token: string;
  db: pg.Client;
  rc: FakeRingCentral;
  meta: FakeMeta;
}

async function graphql(url: string, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data;
}

/** Every node of a connection, page by page. */
async function allNodes<T>(context: Context, field: string, selection: string): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await graphql(context.url, `query($after: String) { ${field}(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ${selection} } } } }`, { after }, context.token);
    const page = data[field];
    nodes.push(...page.edges.map((edge: { node: T }) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

const mask = (address: string) => `${address.slice(0, -4)}••••`;

export async function checkInvariants(context: Context): Promise<InvariantResult[]> {
  const results: InvariantResult[] = [];
  const check = async (name: string, via: InvariantResult['via'], run: () => Promise<string | null>) => {
    try {
      const problem = await run();
      results.push({ name, via, ok: problem === null, ...(problem ? { detail: problem } : {}) });
    } catch (error) {
      results.push({ name, via, ok: false, detail: `could not check: ${(error as Error).message}` });
    }
  };

  // What the server meant to send, per recipient and text: one outbound_send row each.
  const { rows: intended } = await context.db.query<{ channel: string; recipient: string; body: string; n: number }>(
    `SELECT channel, recipient, body, count(*)::int AS n FROM outbound_send WHERE status IN ('SENT', 'SENDING', 'UNCONFIRMED') GROUP BY channel, recipient, body`,
  );
  const meant = new Map(intended.map((row) => [`${row.channel}|${row.recipient}|${row.body}`, row.n]));

  await check('every SMS the provider received is one the server meant to send, once', 'SQL + provider', async () => {
    const received = new Map<string, number>();
    for (const sms of context.rc.sentSms) for (const to of sms.to) received.set(`SMS|${to}|${sms.text}`, (received.get(`SMS|${to}|${sms.text}`) ?? 0) + 1);
    const extra = [...received].filter(([key, n]) => n > (meant.get(key) ?? 0));
    return extra.length === 0 ? null : `${extra.length} texts went out more often than sent: ${extra.slice(0, 3).map(([key, n]) => `${mask(key.split('|')[1])} ×${n}`).join(', ')}`;
  });

  await check('every Messenger message Meta received is one the server meant to send, once', 'SQL + provider', async () => {
    const received = new Map<string, number>();
    for (const message of context.meta.sent) {
      const key = `MESSENGER|${message.body?.recipient?.id}|${message.body?.message?.text}`;
      received.set(key, (received.get(key) ?? 0) + 1);
    }
    const extra = [...received].filter(([key, n]) => n > (meant.get(key) ?? 0));
    return extra.length === 0 ? null : `${extra.length} messages went out more often than sent`;
  });

  await check('no two identical texts to one number within a minute unless the server sent both', 'SQL + provider', async () => {
    const byKey = new Map<string, number[]>();
    for (const sms of context.rc.sentSms) for (const to of sms.to) byKey.set(`SMS|${to}|${sms.text}`, [...(byKey.get(`SMS|${to}|${sms.text}`) ?? []), sms.at.getTime()]);
    const close = [...byKey].filter(([key, times]) => times.sort((a, b) => a - b).some((time, i) => i > 0 && time - times[i - 1] < 60_000) && (meant.get(key) ?? 0) < times.length);
    return close.length === 0 ? null : `${close.length} repeated texts`;
  });

  await check('no idempotency key or provider message id sent twice', 'SQL', async () => {
    const { rows } = await context.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT provider_message_id FROM outbound_send WHERE provider_message_id IS NOT NULL GROUP BY provider_message_id HAVING count(*) > 1) twice`,
    );
    const fakeIds = context.rc.sentSms.map((sms) => sms.id);
    const repeatedAtProvider = fakeIds.length - new Set(fakeIds).size;
    return rows[0].n === 0 && repeatedAtProvider === 0 ? null : `${rows[0].n} provider ids on two sends, ${repeatedAtProvider} repeated at the provider`;
  });

  await check('no bank transaction pays two bookings', 'SQL', async () => {
    const { rows } = await context.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT external_id FROM payment WHERE source = 'BANK' GROUP BY external_id HAVING count(DISTINCT booking_id) > 1
         UNION ALL
         SELECT bank_transaction_id::text FROM payment_match WHERE status IN ('AUTO_APPLIED', 'VERIFIED') GROUP BY bank_transaction_id HAVING count(DISTINCT booking_id) > 1
       ) doubled`,
    );
    return rows[0].n === 0 ? null : `${rows[0].n} bank transactions applied to more than one booking`;
  });

  await check('every open escalation is assigned or queued', 'GraphQL', async () => {
    const escalations = await allNodes<{ id: string; status: string; assignedExtension: { id: string } | null; takenOverBy: { id: string } | null }>(
      context,
      'escalations',
      'id status assignedExtension { id } takenOverBy { id }',
    );
    const stray = escalations.filter(
      (escalation) =>
        escalation.status !== 'RESOLVED' &&
        !(escalation.status === 'QUEUED' || (escalation.status === 'ASSIGNED' && escalation.assignedExtension) || (escalation.status === 'TAKEN_OVER' && escalation.takenOverBy)),
    );
    return stray.length === 0 ? null : `${stray.length} of ${escalations.length} open escalations are neither assigned nor queued`;
  });

  await check("every booking's paid amount equals the sum of its ledger payments", 'GraphQL', async () => {
    const bookings = await allNodes<{ id: string; price: { paidCents: number }; payments: Array<{ amountCents: number }> }>(context, 'bookings', 'id price { paidCents } payments { amountCents }');
    const off = bookings.filter((booking) => booking.price.paidCents !== booking.payments.reduce((sum, payment) => sum + payment.amountCents, 0));
    return off.length === 0 ? null : `${off.length} of ${bookings.length} bookings disagree with their ledger`;
  });

  return results;
}
