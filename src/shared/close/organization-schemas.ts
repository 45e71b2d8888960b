/**
 * Close's `GET /organization/{id}/`: its active `memberships` and its `inactive_memberships`
 * (people who left or were removed; their tasks stay assigned to them). By default each
 * membership carries the user's data prefixed with `user_`; with
 * `?_expand=memberships__user,inactive_memberships__user` it carries a nested `user` instead.
 * The embedded API answers with these schemas, and the browser parses Close's answer with them.
 */
import { z } from 'zod/mini';
import { UserSchema } from './schemas';

const nullableString = z.nullable(z.string());

export const OrganizationMemberSchema = z.looseObject({
  id: z.string(),
  organization_id: z.string(),
  user_id: z.string(),
  role_id: z.optional(z.string()),
  date_created: z.optional(z.string()),
  date_updated: z.optional(z.string()),
  /** The default form: the user's data, prefixed. */
  user_email: z.optional(nullableString),
  user_first_name: z.optional(nullableString),
  user_last_name: z.optional(nullableString),
  user_full_name: z.optional(nullableString),
  user_image: z.optional(nullableString),
  /** With `_expand=…__user`. */
  user: z.optional(UserSchema),
});
export type OrganizationMember = z.infer<typeof OrganizationMemberSchema>;

export const OrganizationWithMembersSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  memberships: z.array(OrganizationMemberSchema),
  inactive_memberships: z.array(OrganizationMemberSchema),
});
export type OrganizationWithMembers = z.infer<typeof OrganizationWithMembersSchema>;

/** Both lists with each member's user nested, as the desk and Close's own scripts ask for them. */
export const EXPAND_MEMBERSHIP_USERS = 'memberships__user,inactive_memberships__user';
