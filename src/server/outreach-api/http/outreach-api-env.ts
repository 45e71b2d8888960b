import type { Context } from 'hono';
import type { Db } from '../../db/open-database';

/** Who is asking: the token's owner. Outreach acts on behalf of that user in every call. */
export type OutreachAuthUser = { id: number; email: string; firstName: string; lastName: string; scope: string };

export type OutreachApiEnv = { Variables: { user: OutreachAuthUser } };
export type OutreachApiContext = Context<OutreachApiEnv>;

export type OutreachApiDeps = {
  db: Db;
  now: () => number;
  /** The stand-in's own origin, e.g. http://127.0.0.1:3001: `links` are absolute on it, as Outreach's are. */
  publicUrl: string;
};

export const JSON_API_MEDIA_TYPE = 'application/vnd.api+json';

/** A JSON:API document with Outreach's media type. */
export function jsonApi(c: Context, body: unknown, status: 200 | 201 = 200): Response {
  return c.body(JSON.stringify(body), status, { 'Content-Type': JSON_API_MEDIA_TYPE });
}
