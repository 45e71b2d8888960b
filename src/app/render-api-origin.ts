/**
 * The API origin of the first view being rendered (server only: entry-server.tsx). The server
 * renders several people's first views at once, each reading through its own origin (a render
 * token that stands for that person, src/server/first-view-tokens.ts); the origin follows the
 * render through every await, timer and query it starts, so no render reads with another's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setDefaultApiOrigin } from '@/lib/api-client';

const renderOrigin = new AsyncLocalStorage<string>();
setDefaultApiOrigin(() => renderOrigin.getStore() ?? '');

/** Runs `render` with requests that name no origin going to `apiOrigin`. */
export function withApiOrigin<T>(apiOrigin: string, render: () => Promise<T>): Promise<T> {
  return renderOrigin.run(apiOrigin, render);
}
