/**
 * What the sign-in routes need to know of the backend a person signs in to, from its connector
 * (`connector.signIn`): its name on the page, whether it has API keys, where to find things in it,
 * and the OAuth redirect URI to register with it.
 */
import { CLOSE_CALLBACK_PATH } from './oauth-paths';

export interface SignInProvider {
  /** The backend as people know it, for the sign-in page ("Sign in with Outreach"). */
  provider: string;
  /** A person may paste an API key (Close); Outreach has none. */
  apiKey: boolean;
  /** Where to find things in the backend for signing in, in a sentence the page shows under each way in. */
  help: { apiKey: string | null; oauth: string | null };
  /**
   * The OAuth redirect URI's path, the one registered with the backend: Close keeps
   * `/auth/close/callback`, which existing deployments registered; others use `/auth/oauth/callback`.
   */
  callbackPath: string;
}

/** Close's, also the default for an app built without a connector (tests). */
export const CLOSE_SIGN_IN: SignInProvider = {
  provider: 'Close',
  apiKey: true,
  help: {
    apiKey: "In Close, open Settings → Developer → API Keys, create a key and paste it here. It stays on Triage's server; this page never shows it again.",
    oauth: "You confirm on Close's own page; Triage then acts as you in Close.",
  },
  callbackPath: CLOSE_CALLBACK_PATH,
};
