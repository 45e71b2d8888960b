import { useOnlineStatus } from '@/lib/use-online-status';

/**
 * Says so when the browser is offline. Changes made meanwhile wait in the outbox (kept across a
 * reload) and go out when the connection returns; lists refresh by themselves then too.
 */
export function OfflineBanner() {
  const online = useOnlineStatus();
  if (online) return null;
  return (
    <div role="status" className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950 dark:bg-amber-900 dark:text-amber-50">
      You're offline. Your changes are kept and saved when the connection is back; the list refreshes then too.
    </div>
  );
}
