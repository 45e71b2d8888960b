export function validNow(now: Date | undefined): number {
  const ms = now ? now.getTime() : Date.now();
  if (!Number.isFinite(ms)) throw new RangeError('now must be a valid Date');
  return ms;
}

/** Keys travel as the HTTP Basic username, so no colon, no whitespace, nothing empty. */
export function assertUsableApiKey(key: string): void {
  if (typeof key !== 'string' || !/^[\x21-\x39\x3b-\x7e]{1,200}$/.test(key)) {
    throw new Error(
      `API key ${JSON.stringify(key)} is not usable: 1-200 printable ASCII characters, no spaces or colons`,
    );
  }
}

