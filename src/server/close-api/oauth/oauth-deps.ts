import type { Db } from '../../db/open-database';
import type { EmbeddedOAuthOptions } from './oauth-client';
import type { OAuthRepository } from './oauth-repository';

export type OAuthDeps = { db: Db; now: () => number; client: EmbeddedOAuthOptions; repo: OAuthRepository };
