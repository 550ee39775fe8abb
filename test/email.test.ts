import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, useApp, eventually, type App } from './support/fixtures';
import { startFakeSmtp, type FakeSmtp } from './support/fake-smtp-server';
import { graphql } from './support/graphql-client';

/**
 * Email (issue 17): the weekly reconciliation report and business summary reach the owner
 * through the real nodemailer and a local SMTP server, once each, with the CSV attached; an
 * SMTP outage or a 4xx answer is retried until it goes, exactly once; a 5xx is final; without
 * SMTP settings the emails wait in the outbox the console reads; the weekly schedule makes
 * one pair of reports per week however often it fires.
 */
const OWNER = 'owner@hibachi.example';
const FAST_JOBS = { JOBS_POLL_SECONDS: '0.5', JOB_RETRY_DELAY_SECONDS: '1', JOB_RETRY_LIMIT: '8' };

const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const dbIdOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;

const SEND = `mutation($weekOf: String) { sendWeeklyReports(input: { weekOf: $weekOf }) { queued userErrors { field message code }
  emails { id kind to from subject text status attempts lastError messageId smtpResponse sentAt attachmentList { filename contentType size } } } }`;
const EMAILS = `{ emailUsesOutbox emails(first: 50) { totalCount edges { node { id kind to subject text status attempts lastError messageId sentAt createdAt attachmentList { filename size } } } } }`;

async function call(app: App, query: string, variables: Record<string, unknown> = {}) {
  const response = await graphql(app.server.url, query, variables, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

async function emailsOf(app: App, weekOf: string): Promise<any[]> {
  const { rows } = await app.db.query(`SELECT id, kind, status, attempts, last_error, message_id FROM email WHERE idempotency_key LIKE $1 ORDER BY kind`, [`%:${weekOf}`]);
  return rows;
}

/** Waits until no email send is waiting or running: whatever a retry could still do has happened. */
async function untilSendsSettle(app: App): Promise<void> {
  await eventually('email sends to settle', async () => {
    const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND state IN ('created', 'retry', 'active')`);
    return rows[0].n === 0;
  }, 30_000);
}

/** A Chase statement with one credit posted on `day`, uploaded as the admin: the week's reconciliation has a line. */
async function uploadCredit(app: App, day: string, description: string, dollars: string) {
  const text = ['Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #', `CREDIT,${usDate(day)},"${description}",${dollars},QUICKPAY_CREDIT,5000.00,,`].join('\n');
  const uploaded = await call(app, `mutation($input: UploadBankStatementInput!) { uploadBankStatement(input: $input) { added userErrors { message } } }`, { input: { text } });
  expect(uploaded.uploadBankStatement.userErrors).toEqual([]);
}

const mondayOf = (iso: string) => {
  const date = new Date(`${iso}T12:00:00Z`);
  return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
};

describe('weekly reports over SMTP', () => {
  let smtp: FakeSmtp;
  let app: App;
  beforeAll(async () => {
    smtp = await startFakeSmtp();
    app = await startApp({
      extension101: false,
      env: { ...FAST_JOBS, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EMAIL_FROM: 'Hibachi at Home <reports@hibachi.example>', OWNER_EMAIL: OWNER, PROVIDER_TIMEOUT_SECONDS: '2', JOB_TIMEOUT_SECONDS: '10' },
    });
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await smtp?.stop();
  }, 60_000);

  const arrived = (messageId: string) => smtp.received.filter((mail) => mail.messageId === messageId);

  it('delivers the reconciliation report with its CSV and the business summary to the owner, once however often it is asked', async () => {
    const today = dayFromToday(0);
    await uploadCredit(app, today, 'Zelle payment from DORIS EXAMPLE', '250.00');
    const sent = (await call(app, SEND, { weekOf: today })).sendWeeklyReports;
    expect(sent.userErrors).toEqual([]);
    expect(sent.queued).toBe(true);
    expect(sent.emails.map((e: any) => e.kind)).toEqual(['WEEKLY_RECONCILIATION', 'WEEKLY_SUMMARY']);
    const [report, summary] = sent.emails;

    await expect.poll(() => arrived(report.messageId).length + arrived(summary.messageId).length, { timeout: 20_000 }).toBe(2);
    const mail = arrived(report.messageId)[0];
    expect(mail.to).toMatchObject({ text: OWNER });
    expect(mail.from).toMatchObject({ text: '"Hibachi at Home" <reports@hibachi.example>' });
    expect(mail.subject).toMatch(/^Weekly reconciliation, /);
    expect(mail.text).toContain('Credits: 1 credit, $250');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe(`reconciliation-${mondayOf(today)}.csv`);
    const csv = mail.attachments[0].content.toString('utf8');
    expect(csv).toContain('Posted,Amount,Description,Source,State');
    expect(csv).toContain('Zelle payment from DORIS EXAMPLE');
    expect(arrived(summary.messageId)[0].text).toContain('Bookings made: 0');

    const listed = (await call(app, EMAILS)).emails.edges.map((e: any) => e.node);
    expect(listed.find((e: any) => e.id === report.id)).toMatchObject({ status: 'SENT', attempts: 1, sentAt: expect.any(String) });
    expect((await call(app, EMAILS)).emailUsesOutbox).toBe(false);

    const again = (await call(app, SEND, { weekOf: today })).sendWeeklyReports;
    expect(again.queued).toBe(false);
    expect(again.emails.map((e: any) => e.id)).toEqual([report.id, summary.id]);
    await untilSendsSettle(app);
    expect(arrived(report.messageId)).toHaveLength(1);
    expect(arrived(summary.messageId)).toHaveLength(1);
  });

  it('retries through an SMTP outage and sends each report exactly once when the server is back', async () => {
    const weekOf = dayFromToday(-7);
    await smtp.stop();
    const sent = (await call(app, SEND, { weekOf })).sendWeeklyReports;
    expect(sent.queued).toBe(true);
    await eventually('two refused attempts for each email', async () => (await emailsOf(app, mondayOf(weekOf))).every((e) => e.attempts >= 2), 30_000);
    for (const email of await emailsOf(app, mondayOf(weekOf))) {
      expect(email.status).toBe('QUEUED');
      expect(email.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    await smtp.start();
    await eventually('both emails sent', async () => (await emailsOf(app, mondayOf(weekOf))).every((e) => e.status === 'SENT'), 40_000);
    await untilSendsSettle(app);
    for (const email of sent.emails) expect(arrived(email.messageId)).toHaveLength(1);
  });

  it('tries again after a temporary 4xx answer, and sends once', async () => {
    const weekOf = dayFromToday(-14);
    smtp.refuseNext(2, 451, 'Requested action aborted: local error in processing');
    const refusedBefore = smtp.refused;
    const sent = (await call(app, SEND, { weekOf })).sendWeeklyReports;
    await eventually('both emails sent', async () => (await emailsOf(app, mondayOf(weekOf))).every((e) => e.status === 'SENT'), 40_000);
    await untilSendsSettle(app);
    expect(smtp.refused - refusedBefore).toBe(2);
    const rows = await emailsOf(app, mondayOf(weekOf));
    expect(rows.reduce((total, e) => total + e.attempts, 0)).toBe(4);
    for (const email of sent.emails) expect(arrived(email.messageId)).toHaveLength(1);
  });

  it('sends again under the same Message-ID when the server took a message but its answer was lost (the window SMTP leaves)', async () => {
    const weekOf = dayFromToday(-28);
    smtp.answerLateNext(1, 4_000);
    const sent = (await call(app, SEND, { weekOf })).sendWeeklyReports;
    await eventually('both emails sent', async () => (await emailsOf(app, mondayOf(weekOf))).every((e) => e.status === 'SENT'), 40_000);
    await untilSendsSettle(app);
    const copies = sent.emails.map((email: any) => arrived(email.messageId).length).sort();
    // The one whose answer was lost arrived twice, both copies carrying its one Message-ID; the other once.
    expect(copies).toEqual([1, 2]);
    const twice = sent.emails.find((email: any) => arrived(email.messageId).length === 2);
    expect((await emailsOf(app, mondayOf(weekOf))).find((e) => e.id === dbIdOf(twice.id)).attempts).toBe(2);
  });

  it('stops at a permanent 5xx answer and shows why, without retrying', async () => {
    const weekOf = dayFromToday(-21);
    smtp.refuseNext(1, 550, 'Mailbox unavailable');
    const sent = (await call(app, SEND, { weekOf })).sendWeeklyReports;
    await eventually('one email failed and one sent', async () => {
      const statuses = (await emailsOf(app, mondayOf(weekOf))).map((e) => e.status).sort();
      return statuses.join() === 'FAILED,SENT';
    }, 30_000);
    await untilSendsSettle(app);
    const failed = (await emailsOf(app, mondayOf(weekOf))).find((e) => e.status === 'FAILED');
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/550/);
    const listed = (await call(app, EMAILS)).emails.edges.map((e: any) => e.node).find((e: any) => e.id === sent.emails.find((s: any) => s.kind === failed.kind).id);
    expect(listed).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/Mailbox unavailable/) });
    expect(arrived(listed.messageId)).toHaveLength(0);
  });
});

describe('the local outbox without SMTP settings', () => {
  const app = useApp({ extension101: false, env: { ...FAST_JOBS, BUSINESS_TIME_ZONE: 'America/Chicago', WEEKLY_REPORT_DAY: 'tuesday', WEEKLY_REPORT_TIME: '07:30', OWNER_EMAIL: OWNER } });

  it('keeps the reports in the outbox, which signed-in admins read', async () => {
    const weekOf = dayFromToday(0);
    await uploadCredit(app, weekOf, 'Zelle payment from OUTBOX EXAMPLE', '99.00');
    const booking = (
      await call(app, `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id price { totalCents } } userErrors { message } } }`, {
        input: { customer: { name: 'Rosa Summary', phone: '+19165557001' }, sourceChannel: 'PHONE', eventDate: dayFromToday(20), startTime: '18:00', address: '12 Example Street, Sacramento, CA 95814', adults: 12, requestTerms: false },
      })
    ).createBooking;
    expect(booking.userErrors).toEqual([]);
    const sent = (await call(app, SEND, { weekOf })).sendWeeklyReports;
    expect(sent.queued).toBe(true);
    await eventually('both emails in the outbox', async () => (await emailsOf(app, mondayOf(weekOf))).every((e) => e.status === 'OUTBOX'), 20_000);
    const outbox = await call(app, EMAILS);
    expect(outbox.emailUsesOutbox).toBe(true);
    const report = outbox.emails.edges.map((e: any) => e.node).find((e: any) => e.kind === 'WEEKLY_RECONCILIATION');
    expect(report).toMatchObject({ to: OWNER, status: 'OUTBOX', attempts: 1, attachmentList: [{ filename: `reconciliation-${mondayOf(weekOf)}.csv`, size: expect.any(Number) }] });
    expect(report.text).toContain('OUTBOX EXAMPLE');
    const summary = outbox.emails.edges.map((e: any) => e.node).find((e: any) => e.kind === 'WEEKLY_SUMMARY');
    const dollars = `$${(booking.booking.price.totalCents / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
    expect(summary.text).toContain(`Bookings made: 1, worth ${dollars}\n`);
    expect(summary.text).toContain('Cancellations: 0\n');

    const refused = await graphql(app.server.url, EMAILS, {});
    expect(refused.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });

  it('names the week field when the date is not one', async () => {
    const response = await graphql(app.server.url, SEND, { weekOf: 'next tuesday' }, app.adminToken);
    expect(response.data?.sendWeeklyReports.userErrors).toEqual([{ field: 'weekOf', message: 'Week: enter a date as YYYY-MM-DD.', code: 'INVALID' }]);
  });

  it('schedules the reports weekly in the business time zone, and makes one pair per week however often the schedule fires', async () => {
    const { rows: schedules } = await app.db.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'email.weekly-reports'`);
    expect(schedules).toEqual([{ cron: '30 7 * * 2', timezone: 'America/Chicago' }]);
    // What the schedule does each time it fires, twice (two instances, or a fire and a retry).
    await app.db.query(`INSERT INTO pgboss.job (name, data) VALUES ('email.weekly-reports', '{}'), ('email.weekly-reports', '{}')`);
    await eventually('both runs done', async () => {
      const { rows } = await app.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.weekly-reports' AND state = 'completed'`);
      return rows[0].n >= 2;
    }, 20_000);
    await untilSendsSettle(app);
    const { rows } = await app.db.query(`SELECT kind, idempotency_key FROM email WHERE idempotency_key LIKE 'weekly-%' AND idempotency_key NOT LIKE $1 ORDER BY kind`, [`%:${mondayOf(dayFromToday(0))}`]);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.kind)).toEqual(['WEEKLY_RECONCILIATION', 'WEEKLY_SUMMARY']);
  });
});
