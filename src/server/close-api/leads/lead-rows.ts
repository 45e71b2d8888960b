import type { Db } from '../../db/open-database';

export type LeadRow = { id: string; organization_id: string; name: string; date_created: string; date_updated: string };

/** A lead as Close returns it, with its contacts. */
export function serializeLeads(db: Db, leads: LeadRow[]) {
  if (leads.length === 0) return [];
  const contacts = db
    .prepare(
      `SELECT id, lead_id, name, title, phones, emails FROM contacts WHERE lead_id IN (${leads.map(() => '?').join(',')}) ORDER BY rowid`,
    )
    .all(...leads.map((l) => l.id)) as { id: string; lead_id: string; name: string; title: string | null; phones: string; emails: string }[];
  return leads.map((l) => ({
    contacts: contacts
      .filter((c) => c.lead_id === l.id)
      .map((c) => ({
        emails: JSON.parse(c.emails) as unknown[],
        id: c.id,
        lead_id: c.lead_id,
        name: c.name,
        phones: JSON.parse(c.phones) as unknown[],
        title: c.title,
      })),
    date_created: l.date_created,
    date_updated: l.date_updated,
    display_name: l.name,
    html_url: `https://app.close.com/lead/${l.id}/`,
    id: l.id,
    name: l.name,
    organization_id: l.organization_id,
  }));
}
