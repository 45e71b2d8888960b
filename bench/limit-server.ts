/**
 * The limit for this machine: a bare node:http server that answers every request with the same
 * precomputed bytes (the real inbox page, fetched once). Nothing an API could do costs less, so
 * Triage's throughput is reported as a share of this server's.
 *
 * Run as a child of the bench: `tsx bench/limit-server.ts <body-file>`; prints its URL.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const bodyFile = process.argv[2];
if (!bodyFile) {
  process.stderr.write('usage: tsx bench/limit-server.ts <body-file>\n');
  process.exit(2);
}
const body = readFileSync(bodyFile);
const headers = { 'content-type': 'application/json', 'content-length': String(body.length) };

const server = http.createServer((req, res) => {
  // Drain the request (there is no body on a GET, but a client may send one) before answering.
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`limit server on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
