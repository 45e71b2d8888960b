import type { Db } from '../../db/open-database';

export type UserRow = {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  image: string | null;
  time_zone: string | null;
  date_created: string;
  date_updated: string;
  organization_id: string;
};

export const USER_COLUMNS = `u.id, u.email, u.first_name, u.last_name, u.image, u.time_zone, u.date_created, u.date_updated, m.organization_id`;

/** A user as Close's /user/ returns it. */
export function serializeUser(u: UserRow) {
  return {
    date_created: u.date_created,
    date_updated: u.date_updated,
    email: u.email,
    first_name: u.first_name,
    id: u.id,
    image: u.image,
    last_name: u.last_name,
    organizations: [u.organization_id],
  };
}

export function findUserInOrganization(db: Db, id: string, organizationId: string): UserRow | undefined {
  return db
    .prepare(`SELECT ${USER_COLUMNS} FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.id = ? AND m.organization_id = ?`)
    .get(id, organizationId) as UserRow | undefined;
}
