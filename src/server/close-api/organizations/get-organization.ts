import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { type UserRow, serializeUser } from '../users/user-rows';

type MemberRow = Omit<UserRow, 'organization_id'> & {
  membership_id: string;
  organization_id: string;
  role_id: string;
  membership_created: string;
  membership_updated: string;
};

const MEMBER_COLUMNS = `m.id AS membership_id, m.organization_id, m.role_id, u.id, u.email, u.first_name, u.last_name, u.image,
  u.time_zone, u.date_created, u.date_updated`;

/**
 * `GET /organization/{id}/`: only the caller's own organization exists for them. Its active
 * `memberships` and its `inactive_memberships` (people who left; Close's scripts look their tasks
 * up by these), each with the user's data prefixed `user_`, or nested under `user` for the lists
 * named in `_expand` (`memberships__user`, `inactive_memberships__user`), as Close documents.
 */
export function getOrganization(deps: CloseApiDeps) {
  const org = deps.db.prepare('SELECT id, name, date_created FROM organizations WHERE id = ?');
  const active = deps.db.prepare<[string], MemberRow>(
    `SELECT ${MEMBER_COLUMNS}, u.date_created AS membership_created, u.date_updated AS membership_updated
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.first_name, u.last_name, u.id`,
  );
  const inactive = deps.db.prepare<[string], MemberRow>(
    `SELECT ${MEMBER_COLUMNS}, m.date_created AS membership_created, m.date_updated AS membership_updated
       FROM inactive_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.first_name, u.last_name, u.id`,
  );
  return (c: CloseApiContext) => {
    const id = c.req.param('id') ?? '';
    if (id !== c.get('user').organization_id) throw notFound('Organization');
    const row = org.get(id) as { id: string; name: string; date_created: string };
    const expand = new Set((queryOf(c)._expand ?? '').split(',').map((s) => s.trim()));
    const body = {
      ...row,
      memberships: active.all(id).map((m) => serializeMembership(m, expand.has('memberships__user'))),
      inactive_memberships: inactive.all(id).map((m) => serializeMembership(m, expand.has('inactive_memberships__user'))),
    };
    return c.json(pickFields(body, readFields(queryOf(c))));
  };
}

function serializeMembership(m: MemberRow, nestUser: boolean) {
  const membership = {
    id: m.membership_id,
    organization_id: m.organization_id,
    user_id: m.id,
    role_id: m.role_id,
    date_created: m.membership_created,
    date_updated: m.membership_updated,
  };
  if (nestUser) return { ...membership, user: serializeUser(m) };
  return {
    ...membership,
    user_email: m.email,
    user_first_name: m.first_name,
    user_last_name: m.last_name,
    user_full_name: `${m.first_name} ${m.last_name}`.trim(),
    user_image: m.image,
  };
}
