/**
 * The contract's `GET /organization/{id}/` from Outreach's users, for the manager's desk: one
 * organization per Outreach token (`OUTREACH_ORGANIZATION_ID`); its active `memberships` are the
 * users Outreach lets sign in, its `inactive_memberships` those it has locked (`locked: true`,
 * Outreach's user attribute: locked out of the application; their tasks stay theirs). Each
 * membership carries the user's data prefixed with `user_`, and a nested `user` when
 * `_expand` names `memberships__user` / `inactive_memberships__user`, as Close's does.
 */
import { OUTREACH_ORGANIZATION_ID, type OutreachMember } from './outreach-reads';

export function organizationOf(members: readonly OutreachMember[], expand: string | undefined) {
  const expanded = new Set((expand ?? '').split(',').map((s) => s.trim()));
  const membershipOf = (list: 'memberships' | 'inactive_memberships') => (m: OutreachMember) => ({
    id: `membership_${m.user.id}`,
    organization_id: OUTREACH_ORGANIZATION_ID,
    user_id: m.user.id,
    user_email: m.user.email,
    user_first_name: m.user.first_name,
    user_last_name: m.user.last_name,
    user_full_name: `${m.user.first_name} ${m.user.last_name}`.trim(),
    ...(expanded.has(`${list}__user`) ? { user: { ...m.user, organizations: [OUTREACH_ORGANIZATION_ID] } } : {}),
  });
  return {
    id: OUTREACH_ORGANIZATION_ID,
    name: 'Outreach',
    memberships: members.filter((m) => !m.locked).map(membershipOf('memberships')),
    inactive_memberships: members.filter((m) => m.locked).map(membershipOf('inactive_memberships')),
  };
}
