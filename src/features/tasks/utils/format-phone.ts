/** Phone numbers as Close sends them: E.164 (`+16503334444`), sometimes with a formatted twin. */

const NANP = /^\+1(\d{3})(\d{3})(\d{4})$/;

/** What to show: Close's formatting when given, else a readable form of the raw number. */
export function formatPhone(phone: string | null | undefined, formatted?: string | null): string | null {
  const pretty = formatted?.trim();
  if (pretty) return pretty;
  const raw = phone?.trim();
  if (!raw) return null;
  const compact = raw.replace(/[\s().-]/g, '');
  const nanp = NANP.exec(compact);
  if (nanp) return `+1 ${nanp[1]}-${nanp[2]}-${nanp[3]}`;
  // Without a numbering-plan table other countries can't be grouped reliably; E.164 stays legible.
  return raw;
}

/** A `tel:` link for the number: digits and a leading `+` only, null when there are no digits. */
export function phoneHref(phone: string | null | undefined): string | null {
  const raw = phone?.trim();
  if (!raw) return null;
  const digits = raw.replace(/\D/g, '');
  if (!digits) return null;
  return `tel:${raw.startsWith('+') ? '+' : ''}${digits}`;
}
