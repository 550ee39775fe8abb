import { describe, expect, it } from 'vitest';
import { useApp } from './support/fixtures';
import { graphql } from './support/graphql-client';

/** 4-5 star replies wait REVIEW_AUTO_REPLY_DELAY_MINUTES before they post; what happens to them meanwhile. */
const app = useApp({ extension101: false, env: { REVIEW_AUTO_REPLY_DELAY_MINUTES: '60' } });

const FIELDS = 'id reviewerName replyState replyText replyPostsAt repliedAt deletedAt';
const IMPORT = `mutation($input: ImportReviewsInput!) { importReviews(input: $input) { added deleted userErrors { message } } }`;
const APPROVE = `mutation($input: ApproveReviewReplyInput!) { approveReviewReply(input: $input) { review { ${FIELDS} } userErrors { field message code } } }`;

async function importOnSite(site: string, reviews: Array<Record<string, unknown>>, complete = false) {
  const response = await graphql(app.server.url, IMPORT, { input: { site, reviews, complete } }, app.adminToken);
  expect(response.data!.importReviews.userErrors).toEqual([]);
  return response.data!.importReviews;
}

async function named(name: string): Promise<Record<string, any> | null> {
  const response = await graphql(app.server.url, `{ reviews(first: 100) { edges { node { ${FIELDS} } } } }`, {}, app.adminToken);
  return (response.data!.reviews.edges as Array<{ node: Record<string, any> }>).map((edge) => edge.node).find((node) => node.reviewerName === name) ?? null;
}

async function byId(id: string) {
  return (await graphql(app.server.url, `query($id: ID!) { review(id: $id) { ${FIELDS} } }`, { id }, app.adminToken)).data!.review;
}

describe('a 5-star reply waiting for its delay', () => {
  it('is scheduled for the delay later, not posted at once', async () => {
    const before = Date.now();
    await importOnSite('delay', [{ reviewerName: 'Wendy Wait', rating: 5, comment: 'Loved it', externalId: 'w1' }]);
    const review = await named('Wendy Wait');
    expect(review).toMatchObject({ replyState: 'SCHEDULED', repliedAt: null });
    const postsAt = Date.parse(review!.replyPostsAt);
    expect(postsAt - before).toBeGreaterThan(59 * 60_000);
    expect(postsAt - before).toBeLessThan(61 * 60_000);
  });

  it('is cancelled when the review is deleted before it posts', async () => {
    await importOnSite('gone', [
      { reviewerName: 'Gina Gone', rating: 5, comment: 'Great', externalId: 'g1' },
      { reviewerName: 'Stan Stays', rating: 4, comment: 'Good', externalId: 's1' },
    ]);
    const gina = (await named('Gina Gone'))!;
    expect(gina.replyState).toBe('SCHEDULED');
    expect(await importOnSite('gone', [{ reviewerName: 'Stan Stays', rating: 4, comment: 'Good', externalId: 's1' }], true)).toMatchObject({ deleted: 1 });
    const after = await byId(gina.id);
    expect(after).toMatchObject({ replyState: 'CANCELLED', repliedAt: null });
    expect(after.deletedAt).not.toBeNull();
    expect((await named('Stan Stays'))!.replyState).toBe('SCHEDULED');
  });

  it('can be edited by staff, and then posts at once with their words', async () => {
    await importOnSite('edit', [{ reviewerName: 'Eddie Edit', rating: 5, comment: 'Fantastic chef', externalId: 'e1' }]);
    const eddie = (await named('Eddie Edit'))!;
    const approved = await graphql(app.server.url, APPROVE, { input: { id: eddie.id, text: 'Thank you Eddie! See you soon.' } }, app.adminToken);
    expect(approved.data!.approveReviewReply.userErrors).toEqual([]);
    await expect.poll(async () => (await byId(eddie.id)).replyState, { timeout: 15_000 }).toBe('POSTED');
    expect((await byId(eddie.id)).replyText).toBe('Thank you Eddie! See you soon.');
  });
});
