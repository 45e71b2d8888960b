/**
 * The real embedded Close API behind our real proxy (signed in upstream as the test
 * organization's manager), both over HTTP on loopback, for the browser code's tests of its API
 * calls. Registers the file's hooks: started in `beforeAll`, closed in `afterAll`; `onStarted`
 * gets the proxy's URL so the caller points its API client there (the server never imports
 * browser code).
 */
import { afterAll, beforeAll } from 'vitest';
import { formatCloseDateTime } from '@/shared/close/dates';
import { type TestApi, startTestCloseApi } from '../close-api/testing/test-close-api';
import { type TestApp, startTestApp } from './start-test-app';

export type ProxiedCloseApi = {
  /** The embedded API (its database, its users); read it inside tests, after `beforeAll`. */
  readonly api: TestApi;
  /** Our proxy in front of it. */
  readonly app: TestApp;
  /** A new rep of the test organization, of their own, so a case's tasks are only its own. */
  addRep(name: string): string;
};

export function setUpProxiedCloseApi(onStarted: (appUrl: string) => void): ProxiedCloseApi {
  let api: TestApi | undefined;
  let app: TestApp | undefined;
  beforeAll(async () => {
    api = await startTestCloseApi();
    app = await startTestApp({ upstream: { baseUrl: api.baseUrl, apiKey: api.users.manager.key } });
    onStarted(app.url);
  });
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The proxied Close API is read before beforeAll has started it.');
    return value;
  };
  return {
    get api() {
      return started(api);
    },
    get app() {
      return started(app);
    },
    addRep(name) {
      const db = started(api).db;
      const id = `user_${name}${Math.random().toString(36).slice(2)}`;
      const at = formatCloseDateTime(Date.UTC(2015, 0, 1));
      db.prepare('INSERT INTO users (id, email, first_name, last_name, api_key, date_created, date_updated) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id, `${id}@example.test`, name, 'Rep', `key-${id}`, at, at,
      );
      db.prepare('INSERT INTO memberships (id, organization_id, user_id, role_id) VALUES (?, ?, ?, ?)').run(`memb_${id}`, started(api).organizationId, id, 'user');
      return id;
    },
  };
}
