import { readFields } from '@/shared/close/list-params';
import { notFound } from '../http/close-api-error';
import { pickFields } from '../http/pagination';
import { type CloseApiContext, type CloseApiDeps, queryOf } from '../close-api-deps';
import { findUserInOrganization, serializeUser } from './user-rows';

/** `GET /user/{id}/` */
export function getUser(deps: CloseApiDeps) {
  return (c: CloseApiContext) => {
    const user = findUserInOrganization(deps.db, c.req.param('id') ?? '', c.get('user').organization_id);
    if (!user) throw notFound('User');
    return c.json(pickFields(serializeUser(user), readFields(queryOf(c))));
  };
}
