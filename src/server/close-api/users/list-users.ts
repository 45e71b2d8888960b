import { readFields, readPage } from '@/shared/close/list-params';
import { badRequest } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { USER_COLUMNS, type UserRow, serializeUser } from './user-rows';

/** `GET /user/`: the members of the caller's organization, by name. */
export function listUsers(deps: CloseApiDeps) {
  const stmt = deps.db.prepare(
    `SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id
      WHERE m.organization_id = ? ORDER BY u.first_name, u.last_name, u.id LIMIT ? OFFSET ?`,
  );
  return (c: CloseApiContext) => {
    const params = queryOf(c);
    const fieldErrors: Record<string, string> = {};
    const { limit, skip } = readPage(params, fieldErrors);
    if (Object.keys(fieldErrors).length) throw badRequest(fieldErrors);
    const fields = readFields(params);
    const rows = stmt.all(c.get('user').organization_id, limit + 1, skip) as UserRow[];
    return c.json({
      data: rows.slice(0, limit).map((u) => pickFields(serializeUser(u), fields)),
      has_more: rows.length > limit,
    });
  };
}
