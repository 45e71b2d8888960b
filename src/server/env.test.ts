import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StartupError, ensureWritableDataDir, parseEnv } from './env';

describe('parseEnv', () => {
  it('has working defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      HOST: '127.0.0.1',
      PORT: 3000,
      API_PORT: 3001,
      CLOSE_API_KEY: undefined,
      CLOSE_API_URL: 'https://api.close.com/api/v1',
      EMBEDDED_API_KEY: 'triage-demo-key',
      DATA_DIR: path.resolve('data'),
      EMBEDDED_RATE_LIMIT: 40,
      UPSTREAM_TIMEOUT_MS: 15_000,
      PUBLIC_ORIGIN: [],
      LOG_LEVEL: 'info',
      STATIC_DIR: path.resolve('dist'),
    });
  });

  it('reads every setting', () => {
    const env = parseEnv({
      HOST: '0.0.0.0',
      PORT: '0',
      API_PORT: '4001',
      CLOSE_API_KEY: 'api_abc.def',
      CLOSE_API_URL: 'http://127.0.0.1:9999/api/v1/',
      EMBEDDED_API_KEY: 'mine',
      DATA_DIR: '/tmp/triage-data',
      EMBEDDED_RATE_LIMIT: '0',
      UPSTREAM_TIMEOUT_MS: '250',
      PUBLIC_ORIGIN: 'http://127.0.0.1:5173, http://localhost:5173',
      LOG_LEVEL: 'DEBUG',
      STATIC_DIR: '',
    });
    expect(env).toEqual({
      HOST: '0.0.0.0',
      PORT: 0,
      API_PORT: 4001,
      CLOSE_API_KEY: 'api_abc.def',
      CLOSE_API_URL: 'http://127.0.0.1:9999/api/v1',
      EMBEDDED_API_KEY: 'mine',
      DATA_DIR: '/tmp/triage-data',
      EMBEDDED_RATE_LIMIT: 0,
      UPSTREAM_TIMEOUT_MS: 250,
      PUBLIC_ORIGIN: ['http://127.0.0.1:5173', 'http://localhost:5173'],
      LOG_LEVEL: 'debug',
      STATIC_DIR: null,
      BACKEND: 'close',
      SIGN_IN: 'optional',
      CLOSE_OAUTH_CLIENT_ID: undefined,
      CLOSE_OAUTH_CLIENT_SECRET: undefined,
      CLOSE_OAUTH_URL: 'https://app.close.com/oauth2/authorize/',
      CLOSE_OAUTH_TOKEN_URL: 'http://127.0.0.1:9999/oauth2/token/',
      PUBLIC_URL: undefined,
      SESSION_SECRET: undefined,
      DATABASE_URL: undefined,
      SESSION_IDLE_MINUTES: 720,
      SESSION_MAX_DAYS: 30,
      EMBEDDED_OAUTH_TOKEN_TTL: 3600,
      OUTREACH_CLIENT_ID: undefined,
      OUTREACH_CLIENT_SECRET: undefined,
      OUTREACH_API_URL: 'https://api.outreach.io/api/v2',
      OUTREACH_OAUTH_URL: 'https://api.outreach.io/oauth/authorize',
      OUTREACH_OAUTH_TOKEN_URL: 'https://api.outreach.io/oauth/token',
      EMBEDDED_OUTREACH_TOKEN: 'triage-outreach-demo-token',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ PORT: '', CLOSE_API_KEY: '', CLOSE_API_URL: '' })).toMatchObject({ PORT: 3000, CLOSE_API_KEY: undefined, CLOSE_API_URL: 'https://api.close.com/api/v1' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a port number from 0 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be a port number from 0 to 65535 (got "70000")'],
    [{ API_PORT: '-1' }, 'API_PORT must be a port number from 0 to 65535 (got "-1")'],
    [{ CLOSE_API_URL: 'api.close.com' }, 'CLOSE_API_URL is not a valid URL (got "api.close.com"); use e.g. https://api.close.com/api/v1'],
    [{ CLOSE_API_URL: 'ftp://api.close.com' }, 'CLOSE_API_URL must start with https:// or http:// (got "ftp://api.close.com")'],
    [{ CLOSE_API_URL: 'https://key:@api.close.com/api/v1' }, 'CLOSE_API_URL must not contain credentials; put the key in CLOSE_API_KEY'],
    [{ CLOSE_API_KEY: 'api key' }, "CLOSE_API_KEY must not contain spaces or ':' (paste the key exactly as Close shows it)"],
    [{ EMBEDDED_API_KEY: 'a:b' }, "EMBEDDED_API_KEY must not contain spaces or ':' (paste the key exactly as Close shows it)"],
    [{ EMBEDDED_RATE_LIMIT: 'fast' }, 'EMBEDDED_RATE_LIMIT must be a whole number from 0 to 1000000 requests per second (0 turns it off) (got "fast")'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS must be a whole number from 1 to 600000 milliseconds (got "0")'],
    [{ PUBLIC_ORIGIN: 'http://127.0.0.1:5173/app' }, 'PUBLIC_ORIGIN must be an origin like http://127.0.0.1:5173 (scheme, host, port; no path), got "http://127.0.0.1:5173/app"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of debug, info, warn, error, silent (got "loud")'],
    [{ HOST: 'http://localhost' }, 'HOST must be a host name or IP address, e.g. 127.0.0.1'],
  ])('refuses %j with one clear line', (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(new StartupError(message));
  });
});

describe('parseEnv: sign-in settings', () => {
  const SECRET = 's'.repeat(32);

  it('defaults to the embedded API, sign-in optional, sessions of 12 hours idle and 30 days at most', () => {
    expect(parseEnv({})).toMatchObject({
      BACKEND: 'embedded',
      SIGN_IN: 'optional',
      CLOSE_OAUTH_URL: 'https://app.close.com/oauth2/authorize/',
      CLOSE_OAUTH_TOKEN_URL: 'https://api.close.com/oauth2/token/',
      SESSION_IDLE_MINUTES: 720,
      SESSION_MAX_DAYS: 30,
      DATABASE_URL: undefined,
    });
  });

  it('reads the sign-in settings', () => {
    const env = parseEnv({
      BACKEND: 'close',
      SIGN_IN: 'required',
      CLOSE_OAUTH_CLIENT_ID: 'oa2client_1',
      CLOSE_OAUTH_CLIENT_SECRET: 'client-secret',
      CLOSE_OAUTH_URL: 'http://127.0.0.1:4000/oauth2/authorize/',
      CLOSE_API_URL: 'http://127.0.0.1:4001/api/v1',
      PUBLIC_URL: 'https://triage.example.com/',
      SESSION_SECRET: SECRET,
      DATABASE_URL: 'postgres://triage:pw@db.internal:5432/triage',
      SESSION_IDLE_MINUTES: '30',
      SESSION_MAX_DAYS: '7',
      EMBEDDED_OAUTH_TOKEN_TTL: '5',
    });
    expect(env).toMatchObject({
      BACKEND: 'close',
      SIGN_IN: 'required',
      CLOSE_OAUTH_CLIENT_ID: 'oa2client_1',
      CLOSE_OAUTH_URL: 'http://127.0.0.1:4000/oauth2/authorize/',
      CLOSE_OAUTH_TOKEN_URL: 'http://127.0.0.1:4001/oauth2/token/',
      PUBLIC_URL: 'https://triage.example.com',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_DAYS: 7,
      EMBEDDED_OAUTH_TOKEN_TTL: 5,
    });
  });

  it('CLOSE_API_KEY means Close; Close without a key means everyone signs in', () => {
    expect(parseEnv({ CLOSE_API_KEY: 'api_x' })).toMatchObject({ BACKEND: 'close', SIGN_IN: 'optional' });
    expect(parseEnv({ CLOSE_API_KEY: 'api_x', SIGN_IN: 'required', SESSION_SECRET: SECRET })).toMatchObject({ SIGN_IN: 'required' });
    expect(parseEnv({ BACKEND: 'close', SESSION_SECRET: SECRET })).toMatchObject({ BACKEND: 'close', SIGN_IN: 'required' });
  });

  it.each([
    [{ BACKEND: 'cloud' }, 'BACKEND must be one of embedded, close, outreach, outreach-demo (got "cloud")'],
    [{ SIGN_IN: 'maybe' }, 'SIGN_IN must be one of optional, required (got "maybe")'],
    [{ BACKEND: 'embedded', CLOSE_API_KEY: 'api_x' }, 'BACKEND=embedded cannot be used with CLOSE_API_KEY; unset one of them'],
    [{ BACKEND: 'close', SIGN_IN: 'optional', SESSION_SECRET: SECRET }, 'SIGN_IN=optional needs CLOSE_API_KEY with BACKEND=close (someone must act for a person who has not signed in); set CLOSE_API_KEY or SIGN_IN=required'],
    [{ BACKEND: 'close' }, 'SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 32`) for people to sign in to Close; every instance needs the same one'],
    [{ CLOSE_API_KEY: 'api_x', CLOSE_OAUTH_CLIENT_ID: 'a', CLOSE_OAUTH_CLIENT_SECRET: 'b' }, 'SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 32`) for people to sign in to Close; every instance needs the same one'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET must be at least 32 characters (e.g. the output of `openssl rand -base64 32`)'],
    [{ CLOSE_OAUTH_CLIENT_ID: 'a' }, 'CLOSE_OAUTH_CLIENT_SECRET must be set too: "Sign in with Close" needs both the OAuth app\'s client id and secret'],
    [{ PUBLIC_URL: 'https://triage.example.com/app' }, 'PUBLIC_URL must be an origin like https://triage.example.com (got "https://triage.example.com/app")'],
    [{ CLOSE_OAUTH_URL: 'app.close.com' }, 'CLOSE_OAUTH_URL must be a URL like https://app.close.com/oauth2/authorize/ (got "app.close.com")'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a PostgreSQL URL like postgres://user:password@host:5432/triage (unset: sessions are kept in DATA_DIR)'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be a whole number from 1 to 525600 minutes (got "0")'],
    [{ SESSION_MAX_DAYS: 'forever' }, 'SESSION_MAX_DAYS must be a whole number from 1 to 3650 days (got "forever")'],
  ])('refuses %j with one clear line', (raw, message) => {
    expect(() => parseEnv(raw)).toThrow(new StartupError(message));
  });
});

describe('parseEnv: Outreach', () => {
  const SECRET = 's'.repeat(32);
  const OUTREACH = { BACKEND: 'outreach', OUTREACH_CLIENT_ID: 'client', OUTREACH_CLIENT_SECRET: 'secret', PUBLIC_URL: 'https://triage.example.com', SESSION_SECRET: SECRET };

  it('BACKEND=outreach: everyone signs in with Outreach OAuth', () => {
    expect(parseEnv(OUTREACH)).toMatchObject({
      BACKEND: 'outreach',
      SIGN_IN: 'required',
      OUTREACH_API_URL: 'https://api.outreach.io/api/v2',
      OUTREACH_OAUTH_URL: 'https://api.outreach.io/oauth/authorize',
      OUTREACH_OAUTH_TOKEN_URL: 'https://api.outreach.io/oauth/token',
    });
  });

  it('reads the Outreach URLs (a stand-in or a proxy in front of Outreach)', () => {
    const env = parseEnv({ ...OUTREACH, OUTREACH_API_URL: 'http://127.0.0.1:4002/api/v2/', OUTREACH_OAUTH_URL: 'http://127.0.0.1:4002/oauth/authorize' });
    expect(env).toMatchObject({
      OUTREACH_API_URL: 'http://127.0.0.1:4002/api/v2',
      OUTREACH_OAUTH_URL: 'http://127.0.0.1:4002/oauth/authorize',
      OUTREACH_OAUTH_TOKEN_URL: 'http://127.0.0.1:4002/oauth/token',
    });
  });

  it('BACKEND=outreach-demo needs nothing else; sign-in optional acts as the demo token', () => {
    expect(parseEnv({ BACKEND: 'outreach-demo' })).toMatchObject({ BACKEND: 'outreach-demo', SIGN_IN: 'optional', EMBEDDED_OUTREACH_TOKEN: 'triage-outreach-demo-token' });
    expect(parseEnv({ BACKEND: 'OUTREACH-DEMO', EMBEDDED_OUTREACH_TOKEN: 'my-demo-token' })).toMatchObject({ BACKEND: 'outreach-demo', EMBEDDED_OUTREACH_TOKEN: 'my-demo-token' });
    // Like the embedded Close default: each person signs in as a demo user (Switch user or the stand-in's OAuth).
    expect(parseEnv({ BACKEND: 'outreach-demo', SIGN_IN: 'required' })).toMatchObject({ BACKEND: 'outreach-demo', SIGN_IN: 'required' });
  });

  it.each([
    [{ ...OUTREACH, OUTREACH_CLIENT_SECRET: undefined }, 'OUTREACH_CLIENT_SECRET must be set too: "Sign in with Outreach" needs both the OAuth app\'s client id and secret'],
    [{ BACKEND: 'outreach', PUBLIC_URL: 'https://triage.example.com', SESSION_SECRET: SECRET }, 'OUTREACH_CLIENT_ID and OUTREACH_CLIENT_SECRET must be set with BACKEND=outreach: your Outreach OAuth app (people sign in with Outreach)'],
    [{ ...OUTREACH, PUBLIC_URL: undefined }, "PUBLIC_URL must be set with BACKEND=outreach: the origin people reach Triage at (Outreach's redirect URI is PUBLIC_URL + /auth/oauth/callback)"],
    [{ ...OUTREACH, SESSION_SECRET: undefined }, 'SESSION_SECRET must be set (at least 32 characters, e.g. `openssl rand -base64 32`) with BACKEND=outreach; every instance needs the same one'],
    [{ ...OUTREACH, SIGN_IN: 'optional' }, 'SIGN_IN=optional cannot be used with BACKEND=outreach: Outreach has no API keys, so each person signs in with Outreach; unset SIGN_IN'],
    [{ ...OUTREACH, CLOSE_API_KEY: 'api_x' }, 'BACKEND=outreach cannot be used with CLOSE_API_KEY; unset one of them'],
    [{ OUTREACH_API_URL: 'https://token@api.outreach.io/api/v2' }, 'OUTREACH_API_URL must not contain credentials; people sign in to Outreach with OAuth'],
    [{ OUTREACH_API_URL: 'api.outreach.io' }, 'OUTREACH_API_URL is not a valid URL (got "api.outreach.io"); use e.g. https://api.outreach.io/api/v2'],
    [{ OUTREACH_OAUTH_URL: 'outreach' }, 'OUTREACH_OAUTH_URL must be a URL like https://api.outreach.io/oauth/authorize (got "outreach")'],
    [{ EMBEDDED_OUTREACH_TOKEN: 'a b' }, 'EMBEDDED_OUTREACH_TOKEN must be at least 8 characters of letters, digits and ._~+/=- (it travels as a Bearer token)'],
  ])('refuses %j with one clear line', (raw, message) => {
    expect(() => parseEnv(raw as Record<string, string | undefined>)).toThrow(new StartupError(message));
  });
});

describe('ensureWritableDataDir', () => {
  it('creates the folder', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-env-'));
    const dir = path.join(base, 'nested', 'data');
    ensureWritableDataDir(dir);
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    fs.rmSync(base, { recursive: true });
  });

  it('refuses a path that is a file, naming DATA_DIR', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-env-'));
    const file = path.join(base, 'file');
    fs.writeFileSync(file, '');
    expect(() => ensureWritableDataDir(file)).toThrow(`DATA_DIR ${file} is not a folder; set DATA_DIR to a folder this user can write`);
    expect(() => ensureWritableDataDir(path.join(file, 'sub'))).toThrow(/^DATA_DIR .* is not a folder/);
    fs.rmSync(base, { recursive: true });
  });
});
