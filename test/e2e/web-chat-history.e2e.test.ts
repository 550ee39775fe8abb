import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { graphql } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchChromium, LIVE_TIMEOUT_MS } from './browser';

/**
 * A customer who closes the chat after asking for a person still reads the staff member's
 * answer when they come back: the chat window catches up from the server on opening, not only
 * from what it heard live. Real browser, real server.
 */

const HUMAN_REQUEST = 'I want to talk to a real person please';
const STAFF_REPLY = 'Hi, this is Demo Admin. Saturday the 20th is open; shall I hold it for you?';

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

const chatMessages = (page: Page): Locator => page.getByTestId('chat-messages').locator('li[data-author]');

describe('the web chat after it was closed', () => {
  it('shows a staff reply written while the window was closed, once, when the customer comes back', async () => {
    const api = server!;
    const context = await browser!.newContext({ viewport: { width: 1000, height: 800 } });
    let customer = await context.newPage();
    await customer.goto(`${api.url}/chat`);
    await customer.getByLabel('Your message').fill(HUMAN_REQUEST);
    await customer.getByRole('button', { name: 'Send' }).click();
    await customer.getByText('connecting you with a member of our team').waitFor({ timeout: LIVE_TIMEOUT_MS });
    await customer.close(); // the customer leaves; the same browser keeps the chat

    // Staff take the thread over and answer while nobody has the chat open.
    const token = await api.login();
    const threads = await graphql(api.url, `{ conversations(first: 5, channel: WEB_CHAT) { edges { node { id } } } }`, {}, token);
    const conversationId = threads.data!.conversations.edges[0].node.id as string;
    const takeOver = await graphql(api.url, `mutation($id: ID!) { takeOverConversation(conversationId: $id) { userErrors { message } } }`, { id: conversationId }, token);
    expect(takeOver.data!.takeOverConversation.userErrors).toEqual([]);
    const reply = await graphql(
      api.url,
      `mutation($id: ID!, $text: String!) { sendStaffReply(conversationId: $id, text: $text) { userErrors { message } } }`,
      { id: conversationId, text: STAFF_REPLY },
      token,
    );
    expect(reply.data!.sendStaffReply.userErrors).toEqual([]);

    customer = await context.newPage();
    await customer.goto(`${api.url}/chat`);
    await customer.locator('li[data-author="STAFF"]', { hasText: STAFF_REPLY }).waitFor({ timeout: LIVE_TIMEOUT_MS });
    const shown = await chatMessages(customer).allTextContents();
    expect(shown.filter((text) => text.includes(STAFF_REPLY))).toHaveLength(1);
    expect(shown[0]).toContain(HUMAN_REQUEST); // the earlier messages are still there, in order
    await context.close();
  }, 60_000);
});
