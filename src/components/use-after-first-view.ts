import { useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';

/** How long the wait for an idle moment may last before the deferred work starts anyway. */
const IDLE_TIMEOUT_MS = 2_000;

let firstViewIdle = false;
let waitingForIdle: Promise<void> | null = null;

/**
 * False while the app's first route is still loading, then true for good. The shell mounts
 * before its view when that load is slow (the route's skeleton shows): secondary requests and
 * prefetches (tab counts, the user list, dialog chunks) wait for this, so they do not queue at the
 * single-threaded server ahead of the list. When the view mounts with the shell (the usual case),
 * it turns true as soon as that render is committed, so nothing waits longer than before.
 */
export function useFirstViewLoaded(): boolean {
  // Set once the first load has resolved (the router starts "idle", before it has loaded anything).
  return useRouterState({ select: (s) => s.resolvedLocation !== undefined });
}

function idleAfterPaint(): Promise<void> {
  waitingForIdle ??= new Promise<void>((resolve) => {
    const done = () => {
      firstViewIdle = true;
      resolve();
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(done, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(done, 200);
  });
  return waitingForIdle;
}

/**
 * Like useFirstViewLoaded, and then an idle moment of the browser after it has shown that view:
 * for rendering work no one can see yet (the options of a closed select), so it stays out of the
 * render that puts the first tasks on screen.
 */
export function useAfterFirstViewShown(): boolean {
  const loaded = useFirstViewLoaded();
  const [shown, setShown] = useState(firstViewIdle);
  useEffect(() => {
    if (shown || !loaded) return;
    let active = true;
    void idleAfterPaint().then(() => {
      if (active) setShown(true);
    });
    return () => {
      active = false;
    };
  }, [shown, loaded]);
  return shown;
}
