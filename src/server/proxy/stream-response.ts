import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** Copies the named headers (lower-case) that the upstream sent. */
export function pickHeaders(from: IncomingMessage, names: readonly string[], into: OutgoingHttpHeaders): OutgoingHttpHeaders {
  for (const name of names) {
    const value = from.headers[name];
    if (value !== undefined) into[name] = value;
  }
  return into;
}

/**
 * Writes the head and pipes the upstream body to the browser as it arrives. If the upstream breaks
 * off mid-body, the browser's connection is destroyed too, so it sees a failed response rather
 * than a short one that looks complete; if the browser goes away, the upstream response is dropped.
 *
 * Plain `pipe` with two listeners rather than `stream.pipeline`, which costs an AbortController
 * and a DOMException per response: measurable at proxy request rates.
 */
export function streamUpstreamResponse(
  client: ServerResponse,
  upstream: IncomingMessage,
  status: number,
  headers: OutgoingHttpHeaders,
  onBroken: (error: Error) => void,
): void {
  client.writeHead(status, headers);
  upstream.once('error', (error) => {
    onBroken(error);
    client.destroy();
  });
  // A write racing the browser's disconnect errors here; it must not become an uncaught error.
  client.on('error', () => upstream.destroy());
  client.once('close', () => {
    if (!upstream.complete) upstream.destroy();
  });
  upstream.pipe(client);
}
