import type { HttpBindings } from '@hono/node-server';

/** What every handler of our app server can count on: Node's request/response and a request id. */
export type AppEnv = {
  Bindings: HttpBindings;
  Variables: { requestId: string };
};
