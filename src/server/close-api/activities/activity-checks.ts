import { isDateOnlyString, parseCloseDate } from '@/shared/close/dates';
import type { Db } from '../../db/open-database';

/** The per-request checks email and SMS creation share: the lead, its contact, the org's own numbers. */
export function createActivityChecks(db: Db) {
  const leadInOrg = db.prepare<[string, string], 1>('SELECT 1 FROM leads WHERE id = ? AND organization_id = ?').pluck();
  const contactOfLead = db.prepare<[string, string], 1>('SELECT 1 FROM contacts WHERE id = ? AND lead_id = ?').pluck();
  const phonesOfLead = db.prepare<[string], string>('SELECT phones FROM contacts WHERE lead_id = ?').pluck();
  const orgNumber = db.prepare<[string, string], 1>(
    'SELECT 1 FROM organization_phone_numbers WHERE organization_id = ? AND number = ?',
  ).pluck();
  const orgSender = db.prepare<[string, string], 1>(
    'SELECT 1 FROM email_senders WHERE organization_id = ? AND email = ?',
  ).pluck();
  return {
    /** Names lead_id or contact_id in `fieldErrors` when either is not the organization's. */
    leadAndContact(orgId: string, leadId: string, contactId: string | null | undefined, fieldErrors: Record<string, string>): boolean {
      if (!leadInOrg.get(leadId, orgId)) {
        fieldErrors.lead_id = 'Unknown lead.';
        return false;
      }
      if (contactId && !contactOfLead.get(contactId, leadId)) {
        fieldErrors.contact_id = 'Unknown contact for this lead.';
        return false;
      }
      return true;
    },
    /** Whether `phone` is one of the numbers of the lead's contacts. */
    isLeadPhone(leadId: string, phone: string): boolean {
      return phonesOfLead.all(leadId).some((json) => (JSON.parse(json) as { phone: string }[]).some((p) => p.phone === phone));
    },
    isOrganizationNumber: (orgId: string, phone: string) => orgNumber.get(orgId, phone) === 1,
    isOrganizationSender: (orgId: string, address: string) => orgSender.get(orgId, address) === 1,
  };
}

/** Close takes phone numbers in E.164. */
export const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A posted `date_created` (Close keeps it, as for an import): its instant, or null when none was
 * posted. Not a date-time → named in `fieldErrors`.
 */
export function postedDateCreated(value: string | null | undefined, fieldErrors: Record<string, string>): number | null {
  if (value === undefined || value === null) return null;
  const parsed = isDateOnlyString(value) ? null : parseCloseDate(value);
  if (!parsed) {
    fieldErrors.date_created = 'Not a valid date-time: use ISO 8601, e.g. 2026-11-23T12:00:00.123+00:00.';
    return null;
  }
  return parsed.epochMs;
}
