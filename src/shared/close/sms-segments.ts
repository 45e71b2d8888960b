/**
 * How many SMS segments a text takes, as carriers count them: GSM-7 text (the basic alphabet plus
 * its escaped extension characters, which take two septets) fits 160 characters in one segment and
 * 153 per segment when split; anything else goes as UCS-2, 70 in one and 67 per segment (counted
 * in UTF-16 code units, so an emoji takes two). The embedded API refuses more than
 * MAX_SMS_SEGMENTS, the composer shows the count while typing: both use this one function.
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';
const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

/** The most segments one message may take (Close's carriers concatenate at most ten). */
export const MAX_SMS_SEGMENTS = 10;

export type SmsSegments = { encoding: 'GSM-7' | 'UCS-2'; segments: number; units: number; perSegment: number };

export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (BASIC.has(ch)) septets += 1;
    else if (EXTENDED.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const perSegment = septets <= 160 ? 160 : 153;
    return { encoding: 'GSM-7', units: septets, perSegment, segments: septets === 0 ? 0 : Math.ceil(septets / perSegment) };
  }
  const units = text.length;
  const perSegment = units <= 70 ? 70 : 67;
  return { encoding: 'UCS-2', units, perSegment, segments: Math.ceil(units / perSegment) };
}
