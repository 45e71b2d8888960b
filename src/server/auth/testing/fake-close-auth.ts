/**
 * A stand-in for Close as sign-in meets it, on 127.0.0.1: `GET /api/v1/me/` and
 * `GET /api/v1/task/` for API keys (Basic) and OAuth access tokens (Bearer), and the token
 * endpoint with both grants, rotating refresh tokens. It counts refreshes and can hold them, so a
 * test can race two requests against one refresh; the tasks answer says who asked, with one ETag
 * for everyone (the worst case for the proxy's copies).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePerson {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  apiKey: string;
}

export const PEOPLE: readonly FakePerson[] = [
  { id: 'user_maya', email: 'maya@example.com', first_name: 'Maya', last_name: 'Patel', apiKey: 'api_maya-key.1234567890' },
  { id: 'user_sam', email: 'sam@example.com', first_name: 'Sam', last_name: 'Okafor', apiKey: 'api_sam-key.0987654321' },
  // The server's own key (CLOSE_API_KEY), acting for requests without a session.
  { id: 'user_owner', email: 'owner@example.com', first_name: 'Key', last_name: 'Owner', apiKey: 'api_default-server-key.5555' },
];

export const OAUTH_CLIENT = { clientId: 'test-client', clientSecret: 'test-client-secret-value' };

export interface FakeCloseAuth {
  origin: string;
  apiBaseUrl: string;
  tokenUrl: string;
  authorizeUrl: string;
  /** A code for `person`, as Close's authorize page would redirect with. */
  issueCode(person: FakePerson, redirectUri: string): string;
  /** Every token request (grant type and what came with it). */
  tokenRequests: Array<Record<string, string>>;
  /** Every Authorization header the API endpoints saw. */
  apiAuthorizations: string[];
  /** Access tokens the next grants issue expire after this many seconds. */
  expiresIn: number;
  /** Holds refresh answers until `releaseRefreshes()`. */
  holdRefreshes: boolean;
  releaseRefreshes(): void;
  /** Makes every current access token and refresh token of `person` stop working. */
  revoke(person: FakePerson): void;
  /** Every token handed out (access and refresh), to look for in places they must not be. */
  issuedTokens: string[];
  close(): Promise<void>;
}

export async function startFakeCloseAuth(): Promise<FakeCloseAuth> {
  let counter = 0;
  const codes = new Map<string, { person: FakePerson; redirectUri: string }>();
  const access = new Map<string, { person: FakePerson; expiresAt: number }>();
  const refresh = new Map<string, FakePerson>();
  const held: Array<() => void> = [];
  const next = (prefix: string) => `${prefix}_${++counter}_${Math.random().toString(36).slice(2)}`;

  function personFor(authorization: string | undefined): FakePerson | null {
    if (!authorization) return null;
    if (authorization.startsWith('Bearer ')) {
      const grant = access.get(authorization.slice(7));
      return grant && grant.expiresAt > Date.now() ? grant.person : null;
    }
    if (authorization.startsWith('Basic ')) {
      const key = Buffer.from(authorization.slice(6), 'base64').toString().replace(/:$/, '');
      return PEOPLE.find((p) => p.apiKey === key) ?? null;
    }
    return null;
  }

  function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  function issueTokens(person: FakePerson) {
    const accessToken = next('access');
    const refreshToken = next('refresh');
    access.set(accessToken, { person, expiresAt: Date.now() + fake.expiresIn * 1000 });
    refresh.set(refreshToken, person);
    fake.issuedTokens.push(accessToken, refreshToken);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: fake.expiresIn, refresh_token: refreshToken, scope: 'all.full_access', user_id: person.id, organization_id: 'orga_test' };
  }

  function answerToken(form: URLSearchParams, res: http.ServerResponse) {
    const fields = Object.fromEntries(form);
    fake.tokenRequests.push(fields);
    if (fields.client_id !== OAUTH_CLIENT.clientId || fields.client_secret !== OAUTH_CLIENT.clientSecret) return send(res, 401, { error: 'invalid_client' });
    if (fields.grant_type === 'authorization_code') {
      const code = codes.get(fields.code ?? '');
      codes.delete(fields.code ?? '');
      if (!code || code.redirectUri !== fields.redirect_uri) return send(res, 400, { error: 'invalid_grant' });
      return send(res, 200, issueTokens(code.person));
    }
    if (fields.grant_type === 'refresh_token') {
      const person = refresh.get(fields.refresh_token ?? '');
      refresh.delete(fields.refresh_token ?? '');
      const answer = () => (person ? send(res, 200, issueTokens(person)) : send(res, 400, { error: 'invalid_grant' }));
      if (fake.holdRefreshes) held.push(answer);
      else answer();
      return;
    }
    send(res, 400, { error: 'unsupported_grant_type' });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (req.method === 'POST' && url.pathname === '/oauth2/token/') return answerToken(new URLSearchParams(Buffer.concat(chunks).toString()), res);
      if (url.pathname.startsWith('/api/v1/')) {
        fake.apiAuthorizations.push(req.headers.authorization ?? '');
        const person = personFor(req.headers.authorization);
        if (!person) return send(res, 401, { error: 'The API key is not valid.' });
        if (url.pathname === '/api/v1/me/') {
          const { apiKey: _key, ...user } = person;
          return send(res, 200, { ...user, organizations: [{ id: 'orga_test', name: 'Test' }] });
        }
        if (url.pathname === '/api/v1/task/') {
          // The same tag for everyone: only the proxy's keying keeps one person's copy from another.
          if (req.headers['if-none-match'] === '"tasks-v1"') {
            res.writeHead(304, { etag: '"tasks-v1"' });
            return res.end();
          }
          return send(res, 200, { data: [{ id: `task_of_${person.id}`, assigned_to: person.id }] }, { etag: '"tasks-v1"' });
        }
      }
      send(res, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeCloseAuth = {
    origin,
    apiBaseUrl: `${origin}/api/v1`,
    tokenUrl: `${origin}/oauth2/token/`,
    authorizeUrl: `${origin}/oauth2/authorize/`,
    issueCode(person, redirectUri) {
      const code = next('code');
      codes.set(code, { person, redirectUri });
      return code;
    },
    tokenRequests: [],
    apiAuthorizations: [],
    expiresIn: 3600,
    holdRefreshes: false,
    releaseRefreshes() {
      for (const answer of held.splice(0)) answer();
    },
    revoke(person) {
      for (const [token, grant] of access) if (grant.person === person) access.delete(token);
      for (const [token, owner] of refresh) if (owner === person) refresh.delete(token);
    },
    issuedTokens: [],
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
