/**
 * Why a request to the upstream (Close, the embedded API, a media host) failed, in words a person
 * can act on. The messages name the host and the kind of failure, never request headers.
 */

export type UpstreamFailureKind = 'unreachable' | 'timeout' | 'body-too-large' | 'invalid-request' | 'client-gone';

export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** 502 for a failed connection, 504 for a slow answer, 413/400 for a request we cannot pass on. */
export function statusForFailure(failure: UpstreamFailure): 400 | 413 | 502 | 504 {
  if (failure.kind === 'timeout') return 504;
  if (failure.kind === 'body-too-large') return 413;
  if (failure.kind === 'invalid-request') return 400;
  return 502;
}

/** Turns a socket/DNS/TLS error into one readable reason, e.g. "connection refused by 127.0.0.1:3001". */
export function describeNetworkError(error: unknown, host: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return `connection refused by ${host}`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `connection to ${host} was reset`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot resolve ${host}`;
    case 'ETIMEDOUT':
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
      return `network error reaching ${host} (${code})`;
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_STATUS':
    case 'HPE_INVALID_HEADER_TOKEN':
      return `${host} sent an invalid HTTP response`;
    default:
      if (typeof code === 'string' && /^(ERR_TLS|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_SSL)/.test(code)) {
        return `TLS error talking to ${host} (${code})`;
      }
      if (error instanceof Error && error.message === 'socket hang up') return `${host} closed the connection without answering`;
      return `network error reaching ${host}${code ? ` (${code})` : ''}`;
  }
}
