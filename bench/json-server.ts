/**
 * json-server 0.17, the stand-in API people reach for, serving the bench's tasks from memory.
 * Run as a child of the bench: `tsx bench/json-server.ts <fixture.json>` ({ "tasks": [...] });
 * prints its URL. No request logging (it would be most of the cost), as anyone timing it would do.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

type JsonServer = {
  create(): { use(handler: unknown): void; listen(port: number, host: string, cb: () => void): import('node:http').Server };
  router(db: object): unknown;
  defaults(opts: { logger: boolean }): unknown[];
};

const fixture = process.argv[2];
if (!fixture) {
  process.stderr.write('usage: tsx bench/json-server.ts <fixture.json>\n');
  process.exit(2);
}
const jsonServer = createRequire(import.meta.url)('json-server') as JsonServer;
const app = jsonServer.create();
app.use(jsonServer.defaults({ logger: false }));
app.use(jsonServer.router(JSON.parse(readFileSync(fixture, 'utf8'))));
const server = app.listen(0, '127.0.0.1', () => {
  process.stdout.write(`json-server on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
server.keepAliveTimeout = 60_000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
