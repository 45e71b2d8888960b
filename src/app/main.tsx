import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startThemeSync } from '@/lib/theme';
import { applyCspCompat } from './csp-compat';
import { prefetchFirstView } from './prefetch-first-view';
import { AppProviders } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import './styles.css';

applyCspCompat();
// public/theme-init.js set the theme before the first paint; from here on the app follows changes.
startThemeSync();

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);
prefetchFirstView(queryClient, router);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} router={router} />
  </StrictMode>,
);
