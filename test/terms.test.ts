import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp } from './support/fixtures';
import { errorCodes, graphql } from './support/graphql-client';
import { startTestServer, type TestServer } from './support/test-server';

const CURRENT = `{ currentTermsVersion { id version label title text sha256 isCurrent url publishedBy { email } } }`;
const VERSIONS = `query($first: Int, $after: String) { termsVersions(first: $first, after: $after) { totalCount edges { node { id label isCurrent } } pageInfo { hasNextPage endCursor } } }`;
const PUBLISH = `mutation($input: PublishTermsVersionInput!) { publishTermsVersion(input: $input) { termsVersion { id version label title text sha256 isCurrent publishedAt publishedBy { email } } userErrors { field message code } } }`;
const RECORD = `mutation($input: RecordTermsAcknowledgmentInput!) {
  recordTermsAcknowledgment(input: $input) {
    acknowledgment { id sequence bookingId channel replyText ip userAgent signatureVerified termsSha256 contentSha256 previousSha256 receivedAt
      termsVersion { id label } booking { status } recordedBy { email } }
    userErrors { field message code }
  }
}`;
const ACKNOWLEDGMENTS = `query($bookingId: ID, $first: Int) { termsAcknowledgments(bookingId: $bookingId, first: $first) { totalCount edges { node { id sequence previousSha256 contentSha256 termsVersion { id } termsSha256 } } } }`;
const VERIFY = `{ verifyTermsEvidence { ok checkedCount mismatchCount headSequence headSha256 firstMismatch { acknowledgmentId sequence reason } } }`;
const EVIDENCE = `query($bookingId: ID!) {
  termsEvidence(bookingId: $bookingId) {
    booking { id status } customer { name }
    acknowledgment { id sequence replyText contentSha256 }
    termsVersion { id label text sha256 }
    canonicalContent
    recordCheck { contentHashMatches previousLinkMatches nextLinkMatches termsHashMatches chainLength }
    verification { ok checkedCount }
    messages { text author createdAt }
    invalidReplies { text }
    printableUrl
  }
}`;

const app = useApp({ extension101: false });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const toGlobalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

let bookingCounter = 0;

/**
 * A booking made through the API by phone (so its terms went out by text, into the customer's SMS
 * thread), then moved to `status` the way staff and customers move it; returns the booking's
 * global id and database id.
 */
async function booking(status = 'PENDING_TERMS'): Promise<{ id: string; dbId: string }> {
  bookingCounter += 1;
  const made = await graphql(
    app.server.url,
    `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
    {
      input: {
        customer: { name: `Test Customer ${bookingCounter}`, phone: `+1916555${String(1000 + bookingCounter).padStart(4, '0')}` },
        sourceChannel: 'SMS',
        eventDate: new Date(Date.now() + 19 * 86_400_000).toISOString().slice(0, 10),
        startTime: '18:00',
        address: '12 Example Street, Sacramento, CA 95814',
        adults: 12,
        requestTerms: status !== 'INQUIRY',
      },
    },
    app.adminToken,
  );
  expect(made.data!.createBooking.userErrors).toEqual([]);
  const id = made.data!.createBooking.booking.id as string;
  if (status === 'CONFIRMED') expect((await record({ bookingId: id, channel: 'IN_PERSON' })).userErrors).toEqual([]);
  if (status === 'CANCELLED') {
    const cancelled = await graphql(app.server.url, `mutation($id: ID!) { cancelBooking(input: { id: $id, reason: "Changed plans" }) { userErrors { message } } }`, { id }, app.adminToken);
    expect(cancelled.data!.cancelBooking.userErrors).toEqual([]);
  }
  return { id, dbId: Buffer.from(id, 'base64url').toString('utf8').split(':')[1] };
}

async function record(input: { bookingId: string; channel: string; replyText?: string | null }, options: { token?: string; url?: string; userAgent?: string } = {}) {
  const response = await fetch(`${options.url ?? app.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token ?? app.adminToken}`, ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
    body: JSON.stringify({ query: RECORD, variables: { input } }),
  });
  const body = (await response.json()) as { data?: { recordTermsAcknowledgment: { acknowledgment: any; userErrors: any[] } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.recordTermsAcknowledgment;
}

const query = async (document: string, variables: Record<string, unknown> = {}, token = app.adminToken) => {
  const response = await graphql(app.server.url, document, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

async function acknowledgmentCount(): Promise<number> {
  return (await app.db.query(`SELECT count(*)::int AS n FROM terms_acknowledgment`)).rows[0].n;
}

async function staffToken(): Promise<string> {
  const email = `staff${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.test`;
  const created = await query(`mutation($input: CreateStaffUserInput!) { createStaffUser(input: $input) { userErrors { message } } }`, {
    input: { email, displayName: 'Staff Member', password: 'a long enough password', role: 'STAFF' },
  });
  expect(created.createStaffUser.userErrors).toEqual([]);
  return app.server.login(email, 'a long enough password');
}

async function apiKey(scopes: string[]): Promise<string> {
  const created = await query(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { message } } }`, { input: { name: 'Website form', scopes } });
  return created.createApiKey.secret as string;
}

describe('terms versions', () => {
  it('starts with a placeholder version whose hash is the SHA-256 of its text', async () => {
    const { termsVersions } = await query(VERSIONS, { first: 100 });
    const first = termsVersions.edges.at(-1).node;
    expect(first.label).toBe('v1');
    const { rows: [v1] } = await app.db.query(`SELECT text, sha256 FROM terms_version WHERE version = 1`);
    expect(v1.sha256).toBe(sha256(v1.text));
    for (const clause of ['Deposit', 'Cancellation', 'Guest count', 'Allergies', 'Travel fee']) expect(v1.text).toContain(clause);
  });

  it('publishes a new current version that every later request points at; earlier ones stay as they were', async () => {
    const before = (await query(CURRENT)).currentTermsVersion;
    const text = 'Deposit: $100, credited to the bill.\r\nCancellation: free until 7 days before.\n';
    const published = (await query(PUBLISH, { input: { title: ' Booking terms ', text } })).publishTermsVersion;
    expect(published.userErrors).toEqual([]);
    expect(published.termsVersion).toMatchObject({ version: before.version + 1, label: `v${before.version + 1}`, title: 'Booking terms', isCurrent: true, publishedBy: { email: 'admin@example.test' } });
    // Line endings made \n and the text trimmed: the hash is of what is stored and shown.
    expect(published.termsVersion.text).toBe('Deposit: $100, credited to the bill.\nCancellation: free until 7 days before.');
    expect(published.termsVersion.sha256).toBe(sha256(published.termsVersion.text));
    // When it was published comes back with it (the console shows it at once).
    expect(Math.abs(Date.parse(published.termsVersion.publishedAt) - Date.now())).toBeLessThan(60_000);

    const current = (await query(CURRENT)).currentTermsVersion;
    expect(current.id).toBe(published.termsVersion.id);
    expect(current.url).toBe(`${app.server.url}/terms/${current.id}`);
    const { termsVersions } = await query(VERSIONS, { first: 100 });
    const byId = new Map(termsVersions.edges.map((edge: any) => [edge.node.id, edge.node]));
    expect(byId.get(before.id)).toMatchObject({ isCurrent: false });
    expect(termsVersions.edges.filter((edge: any) => edge.node.isCurrent)).toHaveLength(1);
    // Newest first, by pages.
    const page = (await query(VERSIONS, { first: 1 })).termsVersions;
    expect(page.edges[0].node.id).toBe(published.termsVersion.id);
    const next = (await query(VERSIONS, { first: 1, after: page.pageInfo.endCursor })).termsVersions;
    expect(next.edges[0].node.id).toBe(before.id);
  });

  it('answers empty text with userErrors in words and writes nothing', async () => {
    const count = async () => (await app.db.query(`SELECT count(*)::int AS n FROM terms_version`)).rows[0].n;
    const before = await count();
    for (const text of ['', '   \n ']) {
      const response = (await query(PUBLISH, { input: { title: 'Terms', text } })).publishTermsVersion;
      expect(response).toEqual({ termsVersion: null, userErrors: [{ field: 'text', message: 'Text: paste or type the full terms the customer accepts.', code: 'TEXT_REQUIRED' }] });
    }
    expect(await count()).toBe(before);
  });

  it('lets only admins publish, and keeps at most one version current in the database itself', async () => {
    const staff = await staffToken();
    expect(errorCodes(await graphql(app.server.url, PUBLISH, { input: { title: 'T', text: 'x' } }, staff))).toEqual(['FORBIDDEN']);
    const writer = await apiKey(['TERMS_WRITE']);
    expect(errorCodes(await graphql(app.server.url, PUBLISH, { input: { title: 'T', text: 'x' } }, writer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(app.server.url, CURRENT, {}))).toEqual(['UNAUTHENTICATED']);
    await expect(app.db.query(`UPDATE terms_version SET is_current = true WHERE NOT is_current`)).rejects.toThrow(/terms_version_one_current/);
    await expect(app.db.query(`UPDATE terms_version SET text = 'changed' WHERE version = 1`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`DELETE FROM terms_version WHERE version = 1`)).rejects.toThrow(/append-only/);
    await expect(app.db.query(`TRUNCATE terms_version CASCADE`)).rejects.toThrow(/append-only.*TRUNCATE refused/);
  });

  it('never changes what an earlier acknowledgment points at when a new version is published', async () => {
    const { id } = await booking();
    const accepted = (await record({ bookingId: id, channel: 'SMS', replyText: 'I agree' })).acknowledgment;
    const acceptedVersion = accepted.termsVersion.id;
    await query(PUBLISH, { input: { title: 'Booking terms', text: `A newer text ${Date.now()}` } });
    const after = (await query(ACKNOWLEDGMENTS, { bookingId: id })).termsAcknowledgments.edges[0].node;
    expect(after.termsVersion.id).toBe(acceptedVersion);
    expect(after.termsSha256).toBe(accepted.termsSha256);
    const evidence = (await query(EVIDENCE, { bookingId: id })).termsEvidence;
    expect(evidence.termsVersion.id).toBe(acceptedVersion);
    expect(sha256(evidence.termsVersion.text)).toBe(accepted.termsSha256);
    expect((await query(CURRENT)).currentTermsVersion.id).not.toBe(acceptedVersion);
  });
});

describe('recording an acknowledgment', () => {
  it('stores a web acceptance with the caller’s address and browser, confirms the booking, and links it to the chain head', async () => {
    const { id } = await booking();
    const head = (await query(VERIFY)).verifyTermsEvidence;
    const userAgent = 'Mozilla/5.0 (TermsTest) Browser/1.0';
    const result = await record({ bookingId: id, channel: 'WEB', replyText: null }, { userAgent });
    expect(result.userErrors).toEqual([]);
    const ack = result.acknowledgment;
    expect(ack).toMatchObject({ bookingId: id, channel: 'WEB', replyText: null, userAgent, signatureVerified: false, booking: { status: 'CONFIRMED' }, recordedBy: { email: 'admin@example.test' } });
    expect(ack.ip).toMatch(/127\.0\.0\.1/);
    expect(ack.sequence).toBe((head.headSequence ?? 0) + 1);
    expect(ack.previousSha256).toBe(head.headSha256 ?? '0'.repeat(64));
    const { rows: [stored] } = await app.db.query(`SELECT ip, user_agent, content_sha256 FROM terms_acknowledgment WHERE sequence = $1`, [ack.sequence]);
    expect(stored).toEqual({ ip: ack.ip, user_agent: userAgent, content_sha256: ack.contentSha256 });
  });

  it('stores no address for a channel where the caller is not the customer', async () => {
    const { id } = await booking();
    const ack = (await record({ bookingId: id, channel: 'PHONE', replyText: 'yes I agree' }, { userAgent: 'Console' })).acknowledgment;
    expect(ack).toMatchObject({ channel: 'PHONE', replyText: 'yes I agree', ip: null, userAgent: null });
  });

  it('refuses a second acknowledgment for the booking in words, and writes nothing', async () => {
    const { id, dbId } = await booking();
    expect((await record({ bookingId: id, channel: 'SMS', replyText: 'I agree' })).userErrors).toEqual([]);
    const count = await acknowledgmentCount();
    const { rows: [firstAck] } = await app.db.query(`SELECT received_at FROM terms_acknowledgment WHERE booking_id = $1`, [dbId]);
    await app.db.query(`UPDATE booking SET status = 'PENDING_TERMS' WHERE id = $1`, [dbId]); // even were it waiting again
    const second = await record({ bookingId: id, channel: 'WEB' });
    expect(second.acknowledgment).toBeNull();
    const day = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: 'long', day: 'numeric' }).format(firstAck.received_at);
    expect(second.userErrors).toEqual([
      { field: 'bookingId', code: 'ALREADY_ACCEPTED', message: expect.stringMatching(new RegExp(`^These terms were already accepted for this booking on ${day} at \\d{1,2}:\\d{2} [AP]M E[SD]T\\.$`)) },
    ]);
    expect(await acknowledgmentCount()).toBe(count);
  });

  it('refuses a booking that is not waiting for terms, naming its status', async () => {
    for (const [status, words] of [
      // A confirmed booking was confirmed by its acceptance: the second-acknowledgment test covers it.
      ['INQUIRY', 'it is still an inquiry'],
      ['CANCELLED', 'it is cancelled'],
    ]) {
      const { id, dbId } = await booking(status);
      const count = await acknowledgmentCount();
      const result = await record({ bookingId: id, channel: 'WEB' });
      expect(result.userErrors).toEqual([{ field: 'bookingId', code: 'NOT_PENDING_TERMS', message: `This booking is not waiting for terms (${words}).` }]);
      expect(await acknowledgmentCount()).toBe(count);
      expect((await app.db.query(`SELECT status FROM booking WHERE id = $1`, [dbId])).rows[0].status).toBe(status);
    }
    expect((await record({ bookingId: toGlobalId('Booking', '00000000-0000-4000-8000-000000000000'), channel: 'WEB' })).userErrors[0].code).toBe('BOOKING_NOT_FOUND');
  });

  it('asks for the customer’s words on text channels and refuses a reply that reads as a refusal', async () => {
    const { id } = await booking();
    expect((await record({ bookingId: id, channel: 'SMS', replyText: '  ' })).userErrors[0]).toMatchObject({ field: 'replyText', code: 'REPLY_TEXT_REQUIRED' });
    expect((await record({ bookingId: id, channel: 'SMS', replyText: "I don't agree" })).userErrors[0]).toMatchObject({ field: 'replyText', code: 'REPLY_IS_REFUSAL' });
    expect((await record({ bookingId: id, channel: 'SMS', replyText: 'yes' })).userErrors).toEqual([]);
  });

  it('lets staff and keys with TERMS_WRITE record, and nobody else', async () => {
    const staff = await staffToken();
    expect((await record({ bookingId: (await booking()).id, channel: 'IN_PERSON' }, { token: staff })).userErrors).toEqual([]);
    const writer = await apiKey(['TERMS_WRITE']);
    expect((await record({ bookingId: (await booking()).id, channel: 'WEB' }, { token: writer })).acknowledgment.recordedBy).toBeNull();
    const reader = await apiKey(['TERMS_READ']);
    const refused = await graphql(app.server.url, RECORD, { input: { bookingId: (await booking()).id, channel: 'WEB' } }, reader);
    expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
    expect((await graphql(app.server.url, ACKNOWLEDGMENTS, {}, reader)).errors).toBeUndefined();
  });
});

describe('the evidence chain', () => {
  it('refuses UPDATE, DELETE and TRUNCATE of acknowledgments in the database itself', async () => {
    const { id } = await booking();
    const ack = (await record({ bookingId: id, channel: 'SMS', replyText: 'I agree' })).acknowledgment;
    await expect(app.db.query(`UPDATE terms_acknowledgment SET reply_text = 'no' WHERE sequence = $1`, [ack.sequence])).rejects.toThrow(/append-only evidence: UPDATE is refused/);
    await expect(app.db.query(`DELETE FROM terms_acknowledgment WHERE sequence = $1`, [ack.sequence])).rejects.toThrow(/append-only evidence: DELETE is refused/);
    await expect(app.db.query(`TRUNCATE terms_acknowledgment CASCADE`)).rejects.toThrow(/append-only evidence: TRUNCATE is refused/);
    // Nor can a record be slipped in out of order.
    await expect(
      app.db.query(
        `INSERT INTO terms_acknowledgment (id, sequence, booking_id, customer_id, terms_version_id, terms_sha256, channel, signature_verified, received_at, content_sha256, previous_sha256, created_at)
         SELECT gen_random_uuid(), sequence + 5, booking_id, customer_id, terms_version_id, terms_sha256, channel, false, now(), repeat('a', 64), repeat('b', 64), now()
         FROM terms_acknowledgment WHERE sequence = $1`,
        [ack.sequence],
      ),
    ).rejects.toThrow(/must follow the chain head/);
    expect((await query(ACKNOWLEDGMENTS, { bookingId: id })).termsAcknowledgments.edges[0].node.id).toBe(ack.id);
  });

  it('verifies every record and names the one changed behind its back', async () => {
    for (let i = 0; i < 3; i++) await record({ bookingId: (await booking()).id, channel: 'SMS', replyText: 'yes' });
    const intact = (await query(VERIFY)).verifyTermsEvidence;
    expect(intact).toMatchObject({ ok: true, mismatchCount: 0, firstMismatch: null });
    expect(intact.checkedCount).toBe(await acknowledgmentCount());

    const { rows: [victim] } = await app.db.query(`SELECT id, sequence, reply_text FROM terms_acknowledgment ORDER BY sequence DESC OFFSET 1 LIMIT 1`);
    const tamper = async (text: string) => {
      await app.db.query(`ALTER TABLE terms_acknowledgment DISABLE TRIGGER terms_acknowledgment_append_only`);
      try {
        await app.db.query(`UPDATE terms_acknowledgment SET reply_text = $2 WHERE id = $1`, [victim.id, text]);
      } finally {
        await app.db.query(`ALTER TABLE terms_acknowledgment ENABLE TRIGGER terms_acknowledgment_append_only`);
      }
    };
    await tamper('I do not agree');
    try {
      const tampered = (await query(VERIFY)).verifyTermsEvidence;
      expect(tampered).toMatchObject({
        ok: false,
        mismatchCount: 1,
        firstMismatch: {
          acknowledgmentId: toGlobalId('TermsAcknowledgment', victim.id),
          sequence: Number(victim.sequence),
          reason: `Record ${victim.sequence}'s content no longer matches its content hash: it was changed after it was written.`,
        },
      });
      const { rows: [{ booking_id }] } = await app.db.query(`SELECT booking_id FROM terms_acknowledgment WHERE id = $1`, [victim.id]);
      const evidence = (await query(EVIDENCE, { bookingId: toGlobalId('Booking', booking_id) })).termsEvidence;
      expect(evidence.recordCheck).toMatchObject({ contentHashMatches: false, previousLinkMatches: true, nextLinkMatches: true });
    } finally {
      await tamper(victim.reply_text); // put back, so the chain is intact again for the other tests
    }
    expect((await query(VERIFY)).verifyTermsEvidence.ok).toBe(true);
  });

  describe('with a second server instance on the same database', () => {
    let other: TestServer;
    beforeAll(async () => {
      other = await startTestServer({ databaseUrl: app.server.databaseUrl, redis: app.server.redis });
    }, 120_000);
    afterAll(() => other?.stop());

    it('serialises concurrent appends across instances: every record follows exactly one other', async () => {
      const otherToken = await other.login();
      const bookings: Array<{ id: string }> = [];
      for (let i = 0; i < 12; i++) bookings.push(await booking());
      const results = await Promise.all(
        bookings.map((item, index) =>
          index % 2 === 0
            ? record({ bookingId: item.id, channel: 'SMS', replyText: 'I agree' })
            : record({ bookingId: item.id, channel: 'SMS', replyText: 'I agree' }, { url: other.url, token: otherToken }),
        ),
      );
      for (const result of results) expect(result.userErrors).toEqual([]);
      const { rows } = await app.db.query(`SELECT sequence::int, content_sha256, previous_sha256 FROM terms_acknowledgment ORDER BY sequence`);
      expect(new Set(rows.map((row) => row.previous_sha256)).size).toBe(rows.length);
      rows.forEach((row, index) => {
        expect(row.sequence).toBe(index + 1);
        expect(row.previous_sha256).toBe(index === 0 ? '0'.repeat(64) : rows[index - 1].content_sha256);
      });
      expect((await query(VERIFY)).verifyTermsEvidence).toMatchObject({ ok: true, checkedCount: rows.length });
    });
  });
});

describe('exporting the evidence', () => {
  const REPLY = 'I agree <script>alert("x")</script> & thanks';

  async function accepted() {
    const made = await booking();
    const ack = (await record({ bookingId: made.id, channel: 'WEB', replyText: REPLY }, { userAgent: 'Mozilla/5.0 <b>bold</b>' })).acknowledgment;
    expect(ack).not.toBeNull();
    return { ...made, ack };
  }

  it('gives the whole trail in GraphQL: the record and its hashes, the terms, the messages, and a printable link', async () => {
    const { id, ack } = await accepted();
    const evidence = (await query(EVIDENCE, { bookingId: id })).termsEvidence;
    expect(evidence.booking).toEqual({ id, status: 'CONFIRMED' });
    expect(evidence.acknowledgment).toEqual({ id: ack.id, sequence: ack.sequence, replyText: REPLY, contentSha256: ack.contentSha256 });
    expect(sha256(evidence.canonicalContent)).toBe(ack.contentSha256);
    expect(JSON.parse(evidence.canonicalContent)).toMatchObject({ replyText: REPLY, sequence: ack.sequence, previousSha256: ack.previousSha256 });
    expect(evidence.recordCheck).toMatchObject({ contentHashMatches: true, previousLinkMatches: true, termsHashMatches: true });
    expect(evidence.verification.ok).toBe(true);
    // The terms request, then the confirmation the acceptance sent, both to the customer's phone.
    expect(evidence.messages.map((message: any) => message.author)).toEqual(['SYSTEM', 'SYSTEM']);
    expect(evidence.messages[0].text).toMatch(/please read our terms at .* and reply I AGREE/);
    expect(evidence.messages[1].text).toMatch(/^Your hibachi party is confirmed/);
    expect(evidence.printableUrl).toMatch(new RegExp(`^${app.server.url}/terms-evidence/${id}\\?token=hbl_`));
    expect((await query(EVIDENCE, { bookingId: toGlobalId('Booking', '00000000-0000-4000-8000-000000000000') })).termsEvidence).toBeNull();
  });

  it('serves a printable page to staff and to the signed link, with every text escaped', async () => {
    const { id, ack } = await accepted();
    const { printableUrl, termsVersion } = (await query(EVIDENCE, { bookingId: id })).termsEvidence;

    const viaLink = await fetch(printableUrl);
    expect(viaLink.status).toBe(200);
    expect(viaLink.headers.get('content-type')).toMatch(/text\/html/);
    expect(viaLink.headers.get('cache-control')).toBe('no-store');
    expect(viaLink.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await viaLink.text();
    expect(html).toContain('I agree &lt;script&gt;alert(\\&quot;x\\&quot;)&lt;/script&gt; &amp; thanks');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>bold</b>');
    for (const part of [ack.contentSha256, ack.previousSha256, `record ${ack.sequence} of`, 'every content hash and every link is intact', 'and reply I AGREE to accept them', termsVersion.sha256]) {
      expect(html).toContain(part);
    }

    const withBearer = await fetch(`${app.server.url}/terms-evidence/${id}`, { headers: { authorization: `Bearer ${await staffToken()}` } });
    expect(withBearer.status).toBe(200);
    expect(await withBearer.text()).toContain(ack.contentSha256);
  });

  it('refuses the page without staff credentials or a valid link for that booking', async () => {
    const { id } = await accepted();
    const other = await accepted();
    const { printableUrl } = (await query(EVIDENCE, { bookingId: other.id })).termsEvidence;
    const otherToken = new URL(printableUrl).searchParams.get('token')!;
    const page = `${app.server.url}/terms-evidence/${id}`;
    expect((await fetch(page)).status).toBe(401);
    expect((await fetch(`${page}?token=${encodeURIComponent(otherToken)}`)).status).toBe(401);
    expect((await fetch(`${page}?token=${encodeURIComponent(otherToken.slice(0, -2) + 'xx')}`)).status).toBe(401);
    expect((await fetch(page, { headers: { authorization: 'Bearer hbs_not-a-session' } })).status).toBe(401);
    expect((await fetch(page, { headers: { authorization: `Bearer ${await apiKey(['TERMS_WRITE'])}` } })).status).toBe(403);
    expect((await fetch(page, { headers: { authorization: `Bearer ${await apiKey(['TERMS_READ'])}` } })).status).toBe(200);
    const refused = await (await fetch(page)).text();
    expect(refused).not.toContain('Test Customer');
  });

  it('shows the current terms to anyone at /terms, and each version at its own address', async () => {
    const published = (await query(PUBLISH, { input: { title: 'Booking terms', text: `Deposit & cancellation <rules> ${Date.now()}` } })).publishTermsVersion.termsVersion;
    const page = await fetch(`${app.server.url}/terms`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(published.sha256);
    expect(html).toContain(`Deposit &amp; cancellation &lt;rules&gt; ${published.text.split(' ').at(-1)}`);
    expect(html).not.toContain('<rules>');

    const older = (await query(VERSIONS, { first: 100 })).termsVersions.edges.at(-1).node;
    const olderPage = await (await fetch(`${app.server.url}/terms/${older.id}`)).text();
    expect(olderPage).toContain('Booking terms and conditions');
    expect(olderPage).toContain('This is an earlier version');
    expect((await fetch(`${app.server.url}/terms/v1`)).status).toBe(200);
    expect((await fetch(`${app.server.url}/terms/${toGlobalId('TermsVersion', '00000000-0000-4000-8000-000000000000')}`)).status).toBe(404);
  });
});
