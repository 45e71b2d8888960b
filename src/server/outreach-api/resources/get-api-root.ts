/**
 * `GET /api/v2`: the API root. Outreach documents no "who am I" endpoint and its token answer
 * carries no user; the root answers for the token it is called with, and the stand-in puts the
 * token's owner in `meta.user` (with the granted scopes in `meta.scope`), so a client learns who
 * signed in with one call and then reads the full user at `links.user`. See
 * docs/decisions/0015-outreach-stand-in.md.
 */
import { type OutreachApiContext, type OutreachApiDeps, jsonApi } from '../http/outreach-api-env';
import { apiBase } from './read-resources';

export function getApiRoot(deps: OutreachApiDeps) {
  return (c: OutreachApiContext) => {
    const user = c.get('user');
    const base = apiBase(deps);
    return jsonApi(c, {
      links: { self: base, user: `${base}/users/${user.id}` },
      meta: {
        api: { name: 'Outreach-compatible stand-in', version: '2.0' },
        scope: user.scope,
        user: { id: user.id, type: 'user', email: user.email, firstName: user.firstName, lastName: user.lastName },
      },
    });
  };
}
