/**
 * Close, or the embedded Close-compatible API (BACKEND=close and BACKEND=embedded): the contract
 * is Close's own API, so contract requests go through the streaming proxy with its revalidated
 * copies (src/server/proxy/forward-request.ts) as they are, byte for byte. Sign-in is the session
 * machinery's as it is: an API key (HTTP Basic) or Close's OAuth (Bearer), checked with `GET /me/`.
 */
import { bearerAuthorization, fetchMe, type OAuthClientSettings } from '../../auth/upstream-auth-calls';
import { type UpstreamTarget, basicAuthorization, createForwardHandler } from '../../proxy/forward-request';
import { CLOSE_SIGN_IN } from '../../auth/sign-in-provider';
import type { Connector } from '../connector';
import { CLOSE_CAPABILITIES } from './close-capabilities';

export function createCloseConnector(options: { upstream: UpstreamTarget; oauth?: OAuthClientSettings | null }): Connector {
  const { upstream } = options;
  return {
    name: 'close',
    capabilities: CLOSE_CAPABILITIES,
    signIn: {
      ...CLOSE_SIGN_IN,
      oauth: options.oauth ?? null,
      authorizationOf: (credential) => ('apiKey' in credential ? basicAuthorization(credential.apiKey) : bearerAuthorization(credential.accessToken)),
      whoIs: (authorization, timeoutMs) => fetchMe(upstream.baseUrl, authorization, timeoutMs),
    },
    contractHandler: ({ credentials, timeoutMs, logger, lines }) => createForwardHandler({ upstream, credentials, timeoutMs, logger, lines }),
  };
}
