import { queryOptions } from '@tanstack/react-query';
import { MAX_LIMIT, type User } from '@/shared/close/schemas';
import { taskApi } from '@/lib/task-api';

/** Everyone in the organization, every page (organizations have tens of users, not thousands). */
export async function listUsers(signal?: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await taskApi.listUsers({ limit: MAX_LIMIT, skip }, signal);
    users.push(...page.data);
    if (!page.has_more || page.data.length === 0) break;
  }
  return users.sort((a, b) => userDisplayName(a).localeCompare(userDisplayName(b)));
}

export function userDisplayName(user: Pick<User, 'first_name' | 'last_name' | 'email'>): string {
  return `${user.first_name} ${user.last_name}`.trim() || user.email;
}

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: ['users'] as const,
    queryFn: ({ signal }) => listUsers(signal),
    staleTime: 10 * 60_000,
  });
