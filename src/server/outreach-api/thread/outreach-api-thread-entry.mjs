// The worker's entry: a worker thread does not inherit the TypeScript loader the app server was
// started with (`node --import tsx`), so it registers it before loading the thread's body.
import { register } from 'tsx/esm/api';

register();
await import('./outreach-api-thread.ts');
