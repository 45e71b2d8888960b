// @vitest-environment node
/**
 * Each first view reads through its own API origin, however its renders interleave: two renders
 * at once, each awaiting between requests, never send a request to the other's origin.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { apiRequest } from '@/lib/api-client';
import { withApiOrigin } from './render-api-origin';

const servers: http.Server[] = [];
const origins: string[] = [];

/** A server that answers every request with its own name, after a pause that lets the other render run. */
function startNamed(name: string): Promise<string> {
  const server = http.createServer((_req, res) => {
    setImmediate(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name })));
  });
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  origins.push(await startNamed('maya'), await startNamed('sam'));
});
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

const Named = z.object({ name: z.string() });

async function readThrice(): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    names.push((await apiRequest({ path: '/me/', schema: Named })).name);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return names;
}

it('sends each render’s requests to its own origin while renders interleave', async () => {
  const [maya, sam] = await Promise.all([withApiOrigin(origins[0]!, readThrice), withApiOrigin(origins[1]!, readThrice)]);
  expect(maya).toEqual(['maya', 'maya', 'maya']);
  expect(sam).toEqual(['sam', 'sam', 'sam']);
});
