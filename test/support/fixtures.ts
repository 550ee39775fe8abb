import { print, type DocumentNode } from 'graphql';
import { expect } from 'vitest';
import { graphql } from './graphql-client';

/** Every day, all day: an extension with these hours is always within them. */
export const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map((day) => ({ day, start: '00:00', end: '24:00' }));

const CREATE_EXTENSION = `mutation($input: CreateExtensionInput!) { createExtension(input: $input) { extension { id number } userErrors { message } } }`;

/** Creates an extension (AVAILABLE and always in hours unless told otherwise) and returns its id. */
export async function createExtension(
  url: string,
  token: string,
  input: { number: number; employeeName?: string; role?: string; phone?: string; status?: 'AVAILABLE' | 'BUSY' | 'OFFLINE'; workingHours?: typeof ALL_WEEK },
): Promise<string> {
  const response = await graphql(
    url,
    CREATE_EXTENSION,
    {
      input: {
        employeeName: `Ext ${input.number}`,
        role: 'Bookings',
        phone: `+1555555${String(input.number).padStart(4, '0')}`,
        status: 'AVAILABLE',
        workingHours: ALL_WEEK,
        ...input,
      },
    },
    token,
  );
  expect(response.data?.createExtension?.userErrors).toEqual([]);
  return response.data!.createExtension.extension.id as string;
}

export async function setExtensionStatus(url: string, token: string, id: string, status: 'AVAILABLE' | 'BUSY' | 'OFFLINE'): Promise<void> {
  const response = await graphql(url, `mutation($id: ID!, $status: ExtensionStatus!) { setExtensionStatus(id: $id, status: $status) { userErrors { message } } }`, { id, status }, token);
  expect(response.data?.setExtensionStatus?.userErrors).toEqual([]);
}

/** A customer in the web chat: a session and a way to send messages in it. */
export async function webChatCustomer(url: string) {
  const started = await graphql(url, `mutation { startWebChatSession { sessionToken userErrors { message } } }`);
  const token = started.data!.startWebChatSession.sessionToken as string;
  return {
    token,
    async send(text: string) {
      const response = await graphql(
        url,
        `mutation($token: String!, $text: String!) { sendWebChatMessage(sessionToken: $token, text: $text) { message { id text } reply { text author } userErrors { field message code } } }`,
        { token, text },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.sendWebChatMessage;
    },
  };
}

/** A web-chat customer who asks for a person straight away, raising an escalation. */
export async function customerAskingForAPerson(url: string): Promise<void> {
  const customer = await webChatCustomer(url);
  const sent = await customer.send('I need to talk to a real person please');
  expect(sent.userErrors).toEqual([]);
}

/** A console operation as the console sends it: its generated document, printed. */
export function consoleOperation(document: DocumentNode): string {
  return print(document);
}

/** One Prometheus sample of GET /metrics, e.g. `graphql_operation_db_statements_sum{operation="Escalations",type="query"}`; 0 when absent. */
export async function metricValue(url: string, sample: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

/** The SQL statements one GraphQL operation cost, read from the server's own statement histogram. */
export async function statementsOf(url: string, operation: string, type: 'query' | 'mutation', run: () => Promise<unknown>): Promise<number> {
  const sample = `graphql_operation_db_statements_sum{operation="${operation}",type="${type}"}`;
  const before = await metricValue(url, sample);
  await run();
  return (await metricValue(url, sample)) - before;
}
