import { useOnlineStatus } from '@/lib/use-online-status';

/**
 * Says so when the browser is offline. Changes made meanwhile fail and roll back with their own
 * message; lists refresh by themselves when the connection returns.
 */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      You're offline. Changes can't be saved until the connection is back; the list refreshes when it returns.
    </div>
  );
}
