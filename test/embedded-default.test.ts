import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from './support/graphql-client';
import { LOGIN, spawnServer } from './support/test-server';

/**
 * The product as a newcomer starts it: no DATABASE_URL, no REDIS_URL, no admin configured.
 * It must start its own PostgreSQL (on a free port, never assuming 5432), create a demo admin
 * and two demo extensions, and keep everything across a restart.
 */
let dataDir: string;
const env = () => ({ PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir });

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the embedded default', () => {
  it('starts on its own PostgreSQL with a demo login, and keeps data across a restart', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hibachi-embedded-'));

    const first = spawnServer(env());
    try {
      const url = await first.ready;
      const output = first.output();
      const printed = /Demo login:\s+(\S+) \/ (\S+)/.exec(output);
      expect(printed, output).not.toBeNull();
      const [, email, password] = printed!;
      expect(await readFile(path.join(dataDir, 'demo-login.txt'), 'utf8')).toContain(password);
      expect(output).toMatch(/Apollo Sandbox: http:\/\/127\.0\.0\.1:\d+\/graphql/);

      const login = await graphql(url, LOGIN, { input: { email, password } });
      const token = login.data!.login.token;
      const list = await graphql(url, `{ extensions { edges { node { number employeeName isPrimaryEscalation } } } }`, {}, token);
      expect(list.data!.extensions.edges.map((e: any) => e.node)).toEqual([
        { number: 101, employeeName: 'Avery Demo', isPrimaryEscalation: true },
        { number: 102, employeeName: 'Jordan Demo', isPrimaryEscalation: false },
      ]);
      await graphql(url, `mutation { createExtension(input: { number: 103, employeeName: "Kept", role: "Ops", phone: "+15555550103" }) { extension { id } } }`, {}, token);
      const ready = await (await fetch(`${url}/readyz`)).json();
      expect(ready).toEqual({ status: 'ready', checks: { database: 'up', pubsub: { kind: 'in-process', status: 'up' } } });
    } finally {
      await first.stop();
    }

    const second = spawnServer(env());
    try {
      const url = await second.ready;
      expect(second.output()).not.toMatch(/Demo login:\s+\S+ \/ /); // the password is printed once only
      expect(second.output()).toContain(path.join(dataDir, 'demo-login.txt'));
      const password = /password: (\S+)/.exec(await readFile(path.join(dataDir, 'demo-login.txt'), 'utf8'))![1];
      const login = await graphql(url, LOGIN, { input: { email: 'admin@demo.hibachi.test', password } });
      const list = await graphql(url, `{ extensions { totalCount edges { node { number } } } }`, {}, login.data!.login.token);
      expect(list.data!.extensions.edges.map((e: any) => e.node.number)).toEqual([101, 102, 103]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it('stops at start with one clear line when a setting is malformed', async () => {
    const server = spawnServer({ ...env(), PORT: 'eighty' });
    await expect(server.ready).rejects.toThrow(/Configuration error: PORT must be a TCP port number/);
    expect(await server.exited).toBe(2);
    expect(server.output().trim().split('\n')).toHaveLength(1);
  });
});
