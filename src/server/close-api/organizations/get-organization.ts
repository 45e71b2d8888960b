import { notFound } from '../http/close-api-error';
import { pickFields, readFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';

/** `GET /organization/{id}/`: only the caller's own organization exists for them. */
export function getOrganization(deps: CloseApiDeps) {
  const org = deps.db.prepare('SELECT id, name, date_created FROM organizations WHERE id = ?');
  const members = deps.db.prepare(
    `SELECT m.id, m.organization_id, m.user_id, m.role_id, u.first_name || ' ' || u.last_name AS user_full_name
       FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = ? ORDER BY u.first_name, u.last_name`,
  );
  return (c: CloseApiContext) => {
    const id = c.req.param('id') ?? '';
    if (id !== c.get('user').organization_id) throw notFound('Organization');
    const row = org.get(id) as { id: string; name: string; date_created: string };
    return c.json(pickFields({ ...row, memberships: members.all(id) }, readFields(queryOf(c))));
  };
}
