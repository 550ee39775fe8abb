import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAiServer } from './support/fake-openai-server';
import { startApp, type App } from './support/fixtures';
import { graphql } from './support/graphql-client';

/** With OPENAI_API_KEY, 1-3 star drafts are worded by OpenAI and checked; a draft that invents an offer keeps the template. */
let openai: FakeOpenAiServer;
let app: App;

beforeAll(async () => {
  openai = await FakeOpenAiServer.start();
  app = await startApp({
    extension101: false,
    env: { OPENAI_API_KEY: 'test-key-not-secret', OPENAI_BASE_URL: openai.baseURL, BUSINESS_PHONE: '+1 555 555 0100', BUSINESS_EMAIL: 'hello@example.test' },
  });
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await openai?.close();
});

const ADD = `mutation($input: AddReviewInput!) { addReview(input: $input) { review { id replyState replyText } userErrors { message } } }`;

async function addReview(input: Record<string, unknown>) {
  const response = await graphql(app.server.url, ADD, { input }, app.adminToken);
  expect(response.data!.addReview.userErrors).toEqual([]);
  return response.data!.addReview.review as { id: string; replyState: string; replyText: string };
}

async function replyOf(id: string): Promise<string> {
  return (await graphql(app.server.url, `query($id: ID!) { review(id: $id) { replyText } }`, { id }, app.adminToken)).data!.review.replyText as string;
}

describe('drafts written by OpenAI', () => {
  it('replaces the template with the written draft when it keeps the facts', async () => {
    const written = 'Zoe, thank you for telling us. We have no record of serving you yet; could you share the date or place? Call +1 555 555 0100 or email hello@example.test.';
    // The first request is the sentiment reading (left to the local engine), the second the draft.
    openai.script({ kind: 'error', status: 500 }, { kind: 'content', content: JSON.stringify({ reply: written }) });
    const added = await addReview({ reviewerName: 'Zoe Unknown', rating: 2, comment: 'Bad night.' });
    expect(added.replyState).toBe('DRAFT');
    expect(added.replyText).not.toBe(written); // the template first
    await expect.poll(() => replyOf(added.id), { timeout: 15_000 }).toBe(written);
    const draftRequest = openai.requests.at(-1)!.body as { messages: Array<{ content: string }> };
    expect(draftRequest.messages[1].content).toContain(added.replyText);
  });

  it('keeps the template when the written draft invents an offer', async () => {
    openai.script({ kind: 'error', status: 500 }, { kind: 'content', content: JSON.stringify({ reply: 'Sorry Yan! Here is 50% off. +1 555 555 0100 hello@example.test' }) });
    const added = await addReview({ reviewerName: 'Yan Unknown', rating: 3, comment: 'Meh.' });
    const reviewId = Buffer.from(added.id, 'base64url').toString().split(':')[1];
    // Once the drafting job has finished, the stored draft is its whole outcome.
    const jobState = async () =>
      (await app.db.query<{ state: string }>(`SELECT state FROM pgboss.job WHERE name = 'reviews.write-draft' AND data->>'reviewId' = $1`, [reviewId])).rows[0]?.state;
    await expect.poll(jobState, { timeout: 15_000 }).toBe('completed');
    expect(await replyOf(added.id)).toBe(added.replyText);
  });
});
