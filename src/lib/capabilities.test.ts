import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, setDefaultApiOrigin } from './api-client';
import { CAPABILITIES_PATH, getCapabilities } from './capabilities';

const DECLARED = {
  connector: 'close',
  reopen: true,
  snoozeToDate: true,
  snoozeDefaultOneDay: false,
  priority: false,
  note: true,
  completionNote: false,
  taskTypes: ['lead', 'voicemail'],
  activities: { sms: true, email: true, voicemail: true, mms: true },
  bulkByFilter: true,
  bulkByIds: { maxIds: 1000 },
  createTask: true,
  deleteTask: true,
  archive: true,
  pendingState: false,
};

let server: Server;
let answer: unknown = DECLARED;
const paths: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  setDefaultApiOrigin(() => origin);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('getCapabilities', () => {
  it("reads the server's declaration from /api/capabilities", async () => {
    answer = DECLARED;
    expect(await getCapabilities()).toEqual(DECLARED);
    expect(paths.at(-1)).toBe(CAPABILITIES_PATH);
  });

  it('refuses a declaration from another version of the contract, naming what is off', async () => {
    const { reopen: _reopen, ...older } = DECLARED;
    answer = older;
    const error = await getCapabilities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/^Unexpected answer from \/api\/capabilities: /);
  });
});
