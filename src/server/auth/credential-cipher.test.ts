import { describe, expect, it } from 'vitest';
import { CredentialCipher, openCredential, sealCredential } from './credential-cipher';

const cipher = new CredentialCipher('x'.repeat(32));

describe('CredentialCipher', () => {
  it('seals with a fresh IV each time and opens only for the same session and secret', () => {
    const a = cipher.seal('api_key-123', 'session-1');
    const b = cipher.seal('api_key-123', 'session-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('api_key-123');
    expect(cipher.open(a, 'session-1')).toBe('api_key-123');
    // Copied into another row, or read with another SESSION_SECRET, it does not open.
    expect(cipher.open(a, 'session-2')).toBeNull();
    expect(new CredentialCipher('y'.repeat(32)).open(a, 'session-1')).toBeNull();
  });

  it('refuses a tampered value', () => {
    const sealed = cipher.seal('api_key-123', 's');
    const [version, iv, body, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = `${body.slice(0, -2)}${body.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [`${version}.${iv}.${flipped}.${tag}`, `${version}.${iv}.${body}`, `v0.${iv}.${body}.${tag}`, 'garbage', '']) {
      expect(cipher.open(bad, 's'), bad).toBeNull();
    }
  });

  it('round-trips both kinds of credential', () => {
    for (const credential of [{ apiKey: 'api_1' }, { accessToken: 'at', refreshToken: 'rt' }]) {
      expect(openCredential(cipher, sealCredential(cipher, credential, 's'), 's')).toEqual(credential);
    }
  });
});
