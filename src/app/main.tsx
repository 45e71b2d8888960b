import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startThemeSync } from '@/lib/theme';
import { browserTimeZone } from '@/shared/close/zones';
import { applyCspCompat } from './csp-compat';
import { rememberZoneForServer, takeFirstViewData } from './first-view-data';
import { prefetchFirstView, serverViewFits } from './prefetch-first-view';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { sendToSignInWhenRequired } from './sign-in-redirect';
import './styles.css';

applyCspCompat();
// public/theme-init.js (inline in the page) set the theme before the first paint; from here on the app follows changes.
startThemeSync();

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
// Before any request: the first one may already find that this person has to sign in.
sendToSignInWhenRequired(router);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The server may have rendered the first view already (src/app/entry-server.tsx). Its data
// starts the cache, and the page stays as the server drew it until the app's own render of the
// same view replaces it in one commit: the router loads first (from that cache, no request),
// so that render is the finished view, not a skeleton. Markup made for another zone's "today"
// is taken down at once; the app then loads its own view as usual, and the browser's zone goes
// in a cookie for the server's next render.
const firstView = takeFirstViewData(document);
const serverRendered = firstView !== null && root.firstChild !== null && serverViewFits(router, firstView);
if (serverRendered) hydrate(queryClient, firstView.queries);
else root.replaceChildren();
rememberZoneForServer(document, browserTimeZone());
prefetchFirstView(queryClient, router);

function renderApp(): void {
  createRoot(root!).render(
    <StrictMode>
      <AppProviders queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}

if (serverRendered) router.load().then(renderApp, renderApp);
else renderApp();
