import { safeHttpUrl } from './safe-url';

/** Our server's media route: it adds the upstream's credentials and refuses foreign hosts. */
const MEDIA_ROUTE = '/api/media';

/** Where the browser loads an upstream media file (voicemail, recording, MMS image) from. */
export function mediaUrl(absoluteUrl: string | null | undefined): string | null {
  const safe = safeHttpUrl(absoluteUrl);
  return safe ? `${MEDIA_ROUTE}?url=${encodeURIComponent(safe)}` : null;
}

/** The lead's page in Close's own app. */
export function closeLeadUrl(leadId: string): string {
  return `https://app.close.com/lead/${encodeURIComponent(leadId)}/`;
}
