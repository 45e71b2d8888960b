/**
 * Seals the credentials a session acts with (API keys, OAuth access and refresh tokens) before
 * they reach the store: AES-256-GCM under a key derived from SESSION_SECRET with HKDF, a random
 * IV for every value, and the session's id as associated data, so a sealed value copied into
 * another row does not open there. Tampering makes `open` return null.
 */
import crypto from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;

export class CredentialCipher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(crypto.hkdfSync('sha256', secret, 'triage-session-store', 'credential encryption v1', 32));
  }

  seal(plain: string, sessionId: string): string {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(sessionId));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), sealed.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(sealed: string, sessionId: string): string | null {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || body === undefined || !tag) return null;
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(sessionId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}

/** What a session acts with, before sealing. */
export type SessionCredential = { apiKey: string } | { accessToken: string; refreshToken: string };

export function sealCredential(cipher: CredentialCipher, credential: SessionCredential, sessionId: string): string {
  return cipher.seal(JSON.stringify(credential), sessionId);
}

export function openCredential(cipher: CredentialCipher, sealed: string, sessionId: string): SessionCredential | null {
  const plain = cipher.open(sealed, sessionId);
  if (plain === null) return null;
  try {
    const value = JSON.parse(plain) as Record<string, unknown>;
    if (typeof value.apiKey === 'string') return { apiKey: value.apiKey };
    if (typeof value.accessToken === 'string' && typeof value.refreshToken === 'string') {
      return { accessToken: value.accessToken, refreshToken: value.refreshToken };
    }
  } catch {
    // Fall through: not a credential.
  }
  return null;
}
