import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env';
import { createLogger } from '../logger';
import { keptSessionSecret, openAuth } from './open-auth';

const logger = createLogger({ level: 'silent' });
const upstream = { apiBaseUrl: 'http://127.0.0.1:9/api/v1', defaultApiKey: 'api_server', demoUsers: null, embeddedOAuth: null };

describe('openAuth', () => {
  it('keeps the embedded default a session secret of its own, readable by this user only, across restarts', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-secret-'));
    const secret = keptSessionSecret(dir);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
    expect(keptSessionSecret(dir)).toBe(secret);
    fs.rmSync(dir, { recursive: true });
  });

  it('with Close, the server key and no SESSION_SECRET: nobody signs in, nothing is written', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-no-sign-in-'));
    const auth = await openAuth(parseEnv({ CLOSE_API_KEY: 'api_server', DATA_DIR: dir }), upstream, logger);
    expect(auth.context).toBeNull();
    expect(auth.settings).toMatchObject({ backend: 'close', signIn: 'optional', oauth: null });
    expect(fs.readdirSync(dir)).toEqual([]);
    await auth.close();
    fs.rmSync(dir, { recursive: true });
  });

  it('with a SESSION_SECRET opens the SQLite store in DATA_DIR; SIGN_IN=required drops the default key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-sign-in-'));
    const auth = await openAuth(parseEnv({ CLOSE_API_KEY: 'api_server', SIGN_IN: 'required', SESSION_SECRET: 's'.repeat(32), DATA_DIR: dir }), upstream, logger);
    expect(auth.context).not.toBeNull();
    expect(auth.settings.defaultApiKey).toBeNull();
    expect(fs.readdirSync(dir)).toContain('sessions.db');
    await auth.close();
    fs.rmSync(dir, { recursive: true });
  });
});
