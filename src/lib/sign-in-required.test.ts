import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { ApiError, SignInRequiredError, apiRequest } from './api-client';
import { onSignInRequired } from './sign-in-required';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/api/v1/no-session/') json(401, { error: 'Sign in to continue.', sign_in_required: true });
    else if (req.url === '/api/v1/refused/') json(401, { error: 'Unauthorized' });
    else json(200, { ok: true });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = (path: string) => apiRequest({ path, schema: z.looseObject({}), origin });

describe('a 401 that asks to sign in', () => {
  it('is a SignInRequiredError with the server message, announced to the app', async () => {
    let heard = 0;
    const stop = onSignInRequired(() => heard++);
    try {
      const error = await request('/no-session/').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SignInRequiredError);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 401, signInRequired: true, message: 'Sign in to continue.' });
      expect(heard).toBe(1);
    } finally {
      stop();
    }
  });

  it('is told apart from any other 401, which the app does not answer with sign-in', async () => {
    let heard = 0;
    const stop = onSignInRequired(() => heard++);
    try {
      const error = await request('/refused/').catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(SignInRequiredError);
      expect(error).toMatchObject({ status: 401, signInRequired: false });
      await request('/fine/');
      expect(heard).toBe(0);
    } finally {
      stop();
    }
  });
});
