import { readFields } from '@/shared/close/list-params';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { findUserInOrganization, serializeUser } from './user-rows';

/** `GET /me/`: the key's user, its organizations and memberships. */
export function getMe(deps: CloseApiDeps) {
  const orgs = deps.db.prepare(
    `SELECT o.id, o.name, m.id AS membership_id, m.role_id
       FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ?`,
  );
  return (c: CloseApiContext) => {
    const me = c.get('user');
    const user = findUserInOrganization(deps.db, me.id, me.organization_id)!;
    const rows = orgs.all(me.id) as { id: string; name: string; membership_id: string; role_id: string }[];
    const body = {
      ...serializeUser(user),
      organizations: rows.map((o) => ({ id: o.id, name: o.name })),
      memberships: rows.map((o) => ({ id: o.membership_id, organization_id: o.id, user_id: me.id, role_id: o.role_id })),
      ...(user.time_zone ? { time_zone: user.time_zone } : {}),
    };
    return c.json(pickFields(body, readFields(queryOf(c))));
  };
}
