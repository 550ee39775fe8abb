import { describe, expect, it } from 'vitest';
import { OpenTasksDocument, ReviewAnalyticsDocument, ReviewsDocument } from '../console/src/graphql/generated/graphql';
import { AVERY, consoleOperation, useApp } from './support/fixtures';
import { connected, graphql, subscribe, wsClient } from './support/graphql-client';
import { untilLive } from './support/live';

/**
 * Reviews by policy (issue 16) on the embedded default: the local source (staff entering and
 * importing reviews), replies posted by the job with no delay, the check of low reviewers
 * against customers, tasks, analytics and the live feed.
 */
const app = useApp({
  ringCentral: true,
  env: { REVIEW_AUTO_REPLY_DELAY_MINUTES: '0', BUSINESS_PHONE: '+1 555 555 0100', BUSINESS_EMAIL: 'hello@example.test' },
});

const REVIEW_FIELDS = `id reviewerName rating comment sentiment praised raised flagged verification replyState replyText repliedAt replyFailure deletedAt createdAt
  verificationEvidence { confidence matchedOn customerName eventDate eventsChecked windowDays customer { id name } booking { id eventDate } }`;
const ADD = `mutation($input: AddReviewInput!) { addReview(input: $input) { review { ${REVIEW_FIELDS} } userErrors { field message code } } }`;
const IMPORT = `mutation($input: ImportReviewsInput!) { importReviews(input: $input) { added updated unchanged deleted userErrors { field message code } } }`;
const APPROVE = `mutation($input: ApproveReviewReplyInput!) { approveReviewReply(input: $input) { review { ${REVIEW_FIELDS} } userErrors { field message code } } }`;
const REVIEW = `query($id: ID!) { review(id: $id) { ${REVIEW_FIELDS} } }`;
const TASKS = `query($open: Boolean) { tasks(open: $open, first: 100) { totalCount edges { node { id title detail kind subjectId completedAt } } } }`;
const COMPLETE = `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { task { id completedAt } userErrors { field message code } } }`;

type Review = Record<string, any>;

async function addReview(input: Record<string, unknown>): Promise<Review> {
  const response = await graphql(app.server.url, ADD, { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  expect(response.data!.addReview.userErrors).toEqual([]);
  return response.data!.addReview.review as Review;
}

async function review(id: string): Promise<Review> {
  const response = await graphql(app.server.url, REVIEW, { id }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.review as Review;
}

async function importReviews(input: Record<string, unknown>) {
  const response = await graphql(app.server.url, IMPORT, { input }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return response.data!.importReviews;
}

async function reviewsNamed(name: string): Promise<Review[]> {
  const response = await graphql(app.server.url, `{ reviews(first: 100) { edges { node { ${REVIEW_FIELDS} } } } }`, {}, app.adminToken);
  expect(response.errors).toBeUndefined();
  return (response.data!.reviews.edges as Array<{ node: Review }>).map((edge) => edge.node).filter((node) => node.reviewerName === name);
}

async function tasksAbout(reviewId: string, open: boolean | null = null) {
  const response = await graphql(app.server.url, TASKS, { open }, app.adminToken);
  expect(response.errors).toBeUndefined();
  return (response.data!.tasks.edges as Array<{ node: Record<string, any> }>).map((edge) => edge.node).filter((task) => task.subjectId === reviewId);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('replies by rating', () => {
  it('posts a 5-star reply by itself: enthusiastic thanks naming what they loved, and an invitation back', async () => {
    const added = await addReview({ reviewerName: 'Maya Patel', rating: 5, comment: 'The food was amazing and the chef put on a great show!' });
    expect(added.praised).toEqual(expect.arrayContaining(['food', 'show']));
    expect(added.sentiment).toBeGreaterThan(0.3);
    expect(added.replyText).toMatch(/Maya/);
    expect(added.replyText).toMatch(/the food/);
    await expect.poll(async () => (await review(added.id)).replyState, { timeout: 15_000 }).toBe('POSTED');
    const posted = await review(added.id);
    expect(posted.repliedAt).not.toBeNull();
    expect(posted.replyText).toBe(added.replyText);
  });

  it('answers the concern a 4-star reviewer raises, and posts it', async () => {
    const added = await addReview({ reviewerName: 'Leo Brooks', rating: 4, comment: 'Delicious steak, but the chef arrived an hour late.' });
    expect(added.raised).toContain('punctuality');
    expect(added.replyText).toMatch(/Leo/);
    expect(added.replyText).toMatch(/kept you waiting/);
    await expect.poll(async () => (await review(added.id)).replyState, { timeout: 15_000 }).toBe('POSTED');
  });

  it('drafts a 3-star acknowledgment asking for details; staff edit and approve it, and the edit is what posts', async () => {
    const added = await addReview({ reviewerName: 'Pat Quinn', rating: 3, comment: 'It was fine, the food was a little cold.' });
    expect(added.replyState).toBe('DRAFT');
    expect(added.verification).toBeNull(); // only under 3 stars
    expect(added.replyText).toMatch(/Pat/);
    expect(added.replyText).toMatch(/\+1 555 555 0100/);

    const edited = 'Thank you Pat, we are sorry the food was cold. Could you tell us more?';
    const approved = await graphql(app.server.url, APPROVE, { input: { id: added.id, text: edited } }, app.adminToken);
    expect(approved.data!.approveReviewReply.userErrors).toEqual([]);
    await expect.poll(async () => (await review(added.id)).replyState, { timeout: 15_000 }).toBe('POSTED');
    expect((await review(added.id)).replyText).toBe(edited);

    // Posted is posted: approving again is refused, and nothing posts twice.
    const again = await graphql(app.server.url, APPROVE, { input: { id: added.id } }, app.adminToken);
    expect(again.data!.approveReviewReply.userErrors).toEqual([expect.objectContaining({ code: 'ALREADY_POSTED' })]);
  });

  it('refuses a reply longer than Google allows, or an empty one, with words a person can act on; the draft stays', async () => {
    const added = await addReview({ reviewerName: 'Robin Hale', rating: 3, comment: 'Okay night.' });
    const tooLong = await graphql(app.server.url, APPROVE, { input: { id: added.id, text: 'x'.repeat(4097) } }, app.adminToken);
    expect(tooLong.data!.approveReviewReply).toEqual({
      review: null,
      userErrors: [{ field: 'text', code: 'TOO_LONG', message: 'Reply: Google accepts at most 4,096 characters; this reply has 4,097. Shorten it by 1.' }],
    });
    const empty = await graphql(app.server.url, APPROVE, { input: { id: added.id, text: '   ' } }, app.adminToken);
    expect(empty.data!.approveReviewReply.userErrors).toEqual([{ field: 'text', code: 'EMPTY', message: 'Reply: write the reply before approving it.' }]);
    const after = await review(added.id);
    expect(after.replyState).toBe('DRAFT');
    expect(after.replyText).toBe(added.replyText);
  });

  it('never writes the same text twice in a row for the same rating', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 6; i++) texts.push((await addReview({ reviewerName: 'Sam Twin', rating: 5, comment: 'Great food!' })).replyText as string);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
  });

  it('refuses a review without a name, with a rating out of range, or dated in the future', async () => {
    const response = await graphql(app.server.url, ADD, { input: { reviewerName: '', rating: 6 } }, app.adminToken);
    expect(response.data!.addReview.userErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'reviewerName', message: "Reviewer's name: enter the name the reviewer gave." }),
        expect.objectContaining({ field: 'rating', message: 'Rating: choose 1 to 5 stars.' }),
      ]),
    );
    const ahead = await graphql(app.server.url, ADD, { input: { reviewerName: 'Tom Morrow', rating: 5, reviewedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() } }, app.adminToken);
    expect(ahead.data!.addReview.userErrors).toEqual([{ field: 'reviewedAt', code: 'IN_THE_FUTURE', message: 'Date: a review cannot be dated in the future.' }]);
    expect(await reviewsNamed('Tom Morrow')).toEqual([]);
  });
});

describe('was the reviewer a customer?', () => {
  it('matches a customer with an event in the window: a reply with their event and 10% off, an alert texted to the primary extension, a follow-up task', async () => {
    const created = await graphql(
      app.server.url,
      `mutation($input: CreateBookingInput!) { createBooking(input: $input) { booking { id } userErrors { message } } }`,
      { input: { customer: { name: 'Jane Smith', phone: '+19165550177' }, sourceChannel: 'PHONE', eventDate: day(30), startTime: '18:00', address: '123 Main St, Sacramento, CA 95814', adults: 12, kids: 0 } },
      app.adminToken,
    );
    expect(created.data!.createBooking.userErrors).toEqual([]);
    const bookingId = created.data!.createBooking.booking.id as string;
    // The event happened ten days ago (time passing, set up directly).
    const eventDate = day(-10);
    await app.db.query(`UPDATE booking SET status = 'COMPLETED', completed_at = now(), event_date = $2 WHERE id = $1`, [Buffer.from(bookingId, 'base64url').toString().split(':')[1], eventDate]);
    const textsBefore = app.textsTo(AVERY.phone).length;

    const added = await addReview({ reviewerName: 'Jane Smith', rating: 2, comment: 'The chef arrived an hour late and the food was cold.' });
    expect(added.verification).toBe('CUSTOMER');
    expect(added.flagged).toBe(false);
    expect(added.verificationEvidence).toMatchObject({ customerName: 'Jane Smith', eventDate, booking: { id: bookingId }, customer: { name: 'Jane Smith' }, windowDays: 60 });
    expect(added.verificationEvidence.confidence).toBeGreaterThanOrEqual(0.8);
    expect(added.verificationEvidence.matchedOn).toContain('NAME_EXACT');
    expect(added.replyState).toBe('DRAFT');
    expect(added.replyText).toMatch(/10% off your next/);
    const [year, month, date] = eventDate.split('-').map(Number);
    expect(added.replyText).toContain(new Date(Date.UTC(year, month - 1, date)).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }));

    await expect.poll(() => app.textsTo(AVERY.phone).slice(textsBefore).some((sms) => sms.text.includes('Jane Smith') && sms.text.includes('2-star')), { timeout: 15_000 }).toBe(true);
    const tasks = await tasksAbout(added.id, true);
    expect(tasks).toEqual([expect.objectContaining({ kind: 'REVIEW_FOLLOW_UP', completedAt: null })]);
  });

  it('does not find someone we never served: an inquiry reply with our phone and email, the review flagged, an alert texted, an admin task', async () => {
    const textsBefore = app.textsTo(AVERY.phone).length;
    const added = await addReview({ reviewerName: 'Zed Nobody', rating: 1, comment: 'Worst party ever, terrible food.' });
    expect(added.verification).toBe('NO_RECORD');
    expect(added.flagged).toBe(true);
    expect(added.verificationEvidence).toMatchObject({ confidence: 0, customer: null, booking: null, windowDays: 60 });
    expect(added.sentiment).toBeLessThan(0);
    expect(added.replyState).toBe('DRAFT');
    expect(added.replyText).toMatch(/take every review seriously/);
    expect(added.replyText).toMatch(/no record of serving you yet/);
    expect(added.replyText).toMatch(/date or place of your event/);
    expect(added.replyText).toContain('+1 555 555 0100');
    expect(added.replyText).toContain('hello@example.test');

    await expect.poll(() => app.textsTo(AVERY.phone).slice(textsBefore).some((sms) => sms.text.includes('Zed Nobody') && /no record/.test(sms.text)), { timeout: 15_000 }).toBe(true);
    expect(await tasksAbout(added.id, true)).toEqual([expect.objectContaining({ kind: 'REVIEW_NO_RECORD' })]);

    const flagged = await graphql(app.server.url, `{ reviews(flagged: true, first: 100) { edges { node { id } } } }`, {}, app.adminToken);
    expect(flagged.data!.reviews.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(added.id);
    const attention = await graphql(app.server.url, `{ reviews(needsAttention: true, first: 100) { edges { node { id } } } }`, {}, app.adminToken);
    expect(attention.data!.reviews.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(added.id);
  });
});

describe('tasks', () => {
  it("are assigned to the primary extension's staff member", async () => {
    const me = (await graphql(app.server.url, `{ me { id email } }`, {}, app.adminToken)).data!.me as { id: string; email: string };
    const linked = await graphql(
      app.server.url,
      `mutation($input: UpdateExtensionInput!) { updateExtension(input: $input) { userErrors { message } } }`,
      { input: { id: app.extension101, staffUserId: me.id } },
      app.adminToken,
    );
    expect(linked.data!.updateExtension.userErrors).toEqual([]);
    const added = await addReview({ reviewerName: 'Una Assigned', rating: 1, comment: 'Never again.' });
    const response = await graphql(app.server.url, `{ tasks(open: true, first: 100) { edges { node { subjectId assignedTo { id email } } } } }`, {}, app.adminToken);
    const task = response.data!.tasks.edges.map((edge: { node: Record<string, any> }) => edge.node).find((node: Record<string, any>) => node.subjectId === added.id);
    expect(task.assignedTo).toEqual({ id: me.id, email: me.email });
  });

  it('completes a task once; it leaves the open list; an unknown task is a clear error', async () => {
    const added = await addReview({ reviewerName: 'Quinn Stranger', rating: 1, comment: 'Bad.' });
    const [task] = await tasksAbout(added.id, true);
    const done = await graphql(app.server.url, COMPLETE, { input: { id: task.id } }, app.adminToken);
    expect(done.data!.completeTask.userErrors).toEqual([]);
    expect(done.data!.completeTask.task.completedAt).not.toBeNull();
    expect(await tasksAbout(added.id, true)).toEqual([]);
    expect(await tasksAbout(added.id, false)).toEqual([expect.objectContaining({ id: task.id })]);

    const unknown = await graphql(app.server.url, COMPLETE, { input: { id: Buffer.from('Task:00000000-0000-4000-8000-000000000000').toString('base64url') } }, app.adminToken);
    expect(unknown.data!.completeTask.userErrors).toEqual([{ field: 'id', code: 'NOT_FOUND', message: 'Task: there is no such task; it may have been removed.' }]);
  });
});

describe('intake', () => {
  it('stores a review once by its source name; an edit updates it; a complete list marks missing ones deleted and cancels their reply', async () => {
    const first = { reviewerName: 'Ivy Import', rating: 2, comment: 'Not great.', externalId: 'ivy-1' };
    const other = { reviewerName: 'Oscar Import', rating: 3, comment: 'Fine.', externalId: 'oscar-1' };
    expect(await importReviews({ site: 'Yelp', reviews: [first, other] })).toMatchObject({ added: 2, updated: 0, unchanged: 0, userErrors: [] });
    expect(await importReviews({ site: 'Yelp', reviews: [first, other] })).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    expect(await reviewsNamed('Ivy Import')).toHaveLength(1);

    expect(await importReviews({ site: 'Yelp', reviews: [{ ...first, comment: 'Not great, the food was cold.' }] })).toMatchObject({ added: 0, updated: 1 });
    const [ivy] = await reviewsNamed('Ivy Import');
    expect(ivy.comment).toBe('Not great, the food was cold.');
    expect(ivy.replyState).toBe('DRAFT');

    // Ivy's review is gone from the site before her reply was approved.
    expect(await importReviews({ site: 'Yelp', reviews: [other], complete: true })).toMatchObject({ deleted: 1 });
    const deleted = await review(ivy.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.replyState).toBe('CANCELLED');
    const approve = await graphql(app.server.url, APPROVE, { input: { id: ivy.id } }, app.adminToken);
    expect(approve.data!.approveReviewReply.userErrors).toEqual([expect.objectContaining({ code: 'REVIEW_DELETED' })]);
    expect(await reviewsNamed('Ivy Import')).toEqual([]); // the list leaves deleted reviews out
  });

  it('imports a CSV; a file with a bad line names the line and imports nothing', async () => {
    const bad = 'name,rating,comment\nCara Csv,5,Lovely\nDan Csv,six,Hmm\n';
    const refused = await importReviews({ site: 'csv-test', csv: bad });
    expect(refused.userErrors).toEqual([{ field: 'csv', code: 'INVALID_CSV', message: 'Line 3: the rating must be 1 to 5 stars (it says "six").' }]);
    expect(await reviewsNamed('Cara Csv')).toEqual([]);

    const good = 'name,rating,comment,date\nCara Csv,5,Lovely evening,2026-01-10\nDan Csv,4,"Good food, a bit pricey",2026-01-11\n';
    expect(await importReviews({ site: 'csv-test', csv: good })).toMatchObject({ added: 2, userErrors: [] });
    expect(await importReviews({ site: 'csv-test', csv: good })).toMatchObject({ added: 0, unchanged: 2 });
  });
});

describe('analytics', () => {
  it('averages by week and month, the response rate, the median time to respond and keywords without stop words', async () => {
    const at = (date: string) => `${date}T17:00:00.000Z`;
    await importReviews({
      site: 'analytics',
      reviews: [
        { reviewerName: 'An One', rating: 5, comment: 'The food was amazing and the chef was funny', reviewedAt: at('2025-01-06'), externalId: 'a1' },
        { reviewerName: 'An Two', rating: 3, comment: 'The food was cold', reviewedAt: at('2025-01-08'), externalId: 'a2' },
        { reviewerName: 'An Three', rating: 4, comment: 'Great food and a great show', reviewedAt: at('2025-01-15'), externalId: 'a3' },
        { reviewerName: 'An Four', rating: 5, comment: 'Best food, best chef', reviewedAt: at('2025-02-03'), externalId: 'a4' },
      ],
    });
    const query = `query($from: DateTimeISO!, $to: DateTimeISO!) { reviewAnalytics(from: $from, to: $to) {
      reviews averageRating responseRate medianResponseSeconds
      byWeek { periodStart averageRating averageSentiment reviews } byMonth { periodStart averageRating reviews } keywords { word count } } }`;
    const read = async () => {
      const response = await graphql(app.server.url, query, { from: '2025-01-01T00:00:00Z', to: '2025-03-01T00:00:00Z' }, app.adminToken);
      expect(response.errors).toBeUndefined();
      return response.data!.reviewAnalytics;
    };
    // The 4- and 5-star replies post by themselves; the 3-star one waits for staff.
    await expect.poll(async () => (await read()).responseRate, { timeout: 15_000 }).toBe(0.75);
    const analytics = await read();
    expect(analytics).toMatchObject({ reviews: 4, averageRating: 4.25 });
    expect(analytics.byWeek.map((week: Record<string, unknown>) => [week.periodStart, week.averageRating, week.reviews])).toEqual([
      ['2025-01-06', 4, 2],
      ['2025-01-13', 4, 1],
      ['2025-02-03', 5, 1],
    ]);
    expect(analytics.byMonth.map((month: Record<string, unknown>) => [month.periodStart, month.averageRating, month.reviews])).toEqual([
      ['2025-01-01', 4, 3],
      ['2025-02-01', 5, 1],
    ]);
    expect(analytics.byWeek[0].averageSentiment).toEqual(expect.any(Number));
    // Replied now; the middle of the three replied reviews was written on 2025-01-15 at 17:00 UTC.
    const middle = (Date.now() - Date.parse(at('2025-01-15'))) / 1000;
    expect(Math.abs(analytics.medianResponseSeconds - middle)).toBeLessThan(120);
    expect(analytics.keywords[0]).toEqual({ word: 'food', count: 4 });
    expect(analytics.keywords).toContainEqual({ word: 'chef', count: 2 });
    const words = analytics.keywords.map((keyword: { word: string }) => keyword.word);
    for (const stop of ['the', 'was', 'and', 'a']) expect(words).not.toContain(stop);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await graphql(app.server.url, `{ reviewAnalytics(from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { reviews } }`, {}, app.adminToken);
    expect(response.errors?.[0].message).toBe('to must be after from.');
  });
});

describe('live', () => {
  it('delivers reviewAdded over WebSocket with the reply the policy wrote', async () => {
    const socket = wsClient(app.server.url, `Bearer ${app.adminToken}`);
    try {
      await connected(socket.client);
      const feed = subscribe<{ reviewAdded: Review }>(socket.client, `subscription { reviewAdded { id reviewerName rating replyState replyText } }`);
      await untilLive(feed, { trigger: () => addReview({ reviewerName: 'Probe Person', rating: 5 }), isProbe: (event) => event.reviewAdded.reviewerName === 'Probe Person' });
      const added = await addReview({ reviewerName: 'Live Larry', rating: 4, comment: 'Great show' });
      const event = await feed.next(10_000);
      expect(event.reviewAdded).toMatchObject({ id: added.id, reviewerName: 'Live Larry', rating: 4, replyText: added.replyText });
      expect(feed.errors).toEqual([]);
    } finally {
      await socket.client.dispose();
    }
  });
});

describe('the console', () => {
  it("reads drafts needing attention, open tasks and analytics with the console's own operations", async () => {
    const added = await addReview({ reviewerName: 'Console Carla', rating: 1, comment: 'Nobody showed up.' });
    const list = await graphql(app.server.url, consoleOperation(ReviewsDocument), { first: 50, needsAttention: true, rating: 1 }, app.adminToken);
    expect(list.errors).toBeUndefined();
    const listed = list.data!.reviews.edges.map((edge: { node: Review }) => edge.node).find((node: Review) => node.id === added.id);
    expect(listed).toMatchObject({ replyState: 'DRAFT', flagged: true, verification: 'NO_RECORD', verificationEvidence: { windowDays: 60 } });

    const tasks = await graphql(app.server.url, consoleOperation(OpenTasksDocument), { first: 100 }, app.adminToken);
    expect(tasks.errors).toBeUndefined();
    expect(tasks.data!.tasks.edges.map((edge: { node: { subjectId: string } }) => edge.node.subjectId)).toContain(added.id);

    const analytics = await graphql(app.server.url, consoleOperation(ReviewAnalyticsDocument), { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() }, app.adminToken);
    expect(analytics.errors).toBeUndefined();
    expect(analytics.data!.reviewAnalytics.reviews).toBeGreaterThan(0);
  });
});

describe('access', () => {
  it('requires a staff sign-in', async () => {
    const response = await graphql(app.server.url, `{ reviews { totalCount } }`);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

