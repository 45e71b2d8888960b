/**
 * Which hosts the media route may fetch from, and which of them get the API key.
 * The route is not an open proxy: a URL is fetched only when a rule below admits its origin.
 */

export type MediaHostRule =
  /** Exactly this origin (`scheme://host[:port]`), e.g. the embedded API at http://127.0.0.1:3001. */
  | { origin: string; credentials: boolean }
  /** This https domain and its subdomains on the default port, e.g. `close.com` → app.close.com. */
  | { domain: string; credentials: boolean };

export type MediaHostDecision = { allowed: true; credentials: boolean } | { allowed: false };

export function isCloseHost(hostname: string): boolean {
  return hostname === 'close.com' || hostname.endsWith('.close.com');
}

/**
 * The upstream's own origin gets its key; so do Close's hosts when the upstream is Close (its
 * attachments live on app.close.com). Close's call recordings and voicemails may sit on
 * s3.amazonaws.com (its documented example), fetched without credentials.
 */
export function defaultMediaHosts(upstreamBaseUrl: string): MediaHostRule[] {
  const upstream = new URL(upstreamBaseUrl);
  const upstreamIsClose = upstream.protocol === 'https:' && isCloseHost(upstream.hostname);
  return [
    { origin: upstream.origin, credentials: true },
    { domain: 'close.com', credentials: upstreamIsClose },
    { domain: 's3.amazonaws.com', credentials: false },
  ];
}

export function decideMediaHost(url: URL, rules: readonly MediaHostRule[]): MediaHostDecision {
  for (const rule of rules) {
    if ('origin' in rule) {
      if (url.origin === rule.origin) return { allowed: true, credentials: rule.credentials };
    } else if (
      url.protocol === 'https:' &&
      url.port === '' &&
      (url.hostname === rule.domain || url.hostname.endsWith(`.${rule.domain}`))
    ) {
      return { allowed: true, credentials: rule.credentials };
    }
  }
  return { allowed: false };
}
