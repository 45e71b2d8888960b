import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Close-style ids: a type prefix and 43 base62 characters (`task_…`, `noti_…`, `lead_…`). */
export function newId(prefix: string, random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(43);
  let out = `${prefix}_`;
  for (let i = 0; i < 43; i++) out += ALPHABET[bytes[i]! % 62];
  return out;
}
