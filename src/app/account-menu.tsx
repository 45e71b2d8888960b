import { useQuery } from '@tanstack/react-query';
import { UserMenu } from '@/features/auth/components/user-menu';
import { meQueryOptions } from '@/features/tasks/api/get-me';

/** The signed-in person's menu in the shell's header, named from the very `/me/` the views use ("Me"). */
export function AccountMenu() {
  const me = useQuery(meQueryOptions()).data;
  return <UserMenu person={me} />;
}
