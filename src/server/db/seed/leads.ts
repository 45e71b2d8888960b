import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import {
  COMPANY_CORES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  DEMO_LEADS,
  DEMO_USERS,
  FIRST_NAMES,
  LAST_NAMES,
  type DemoUserKey,
} from '../demo-data';
import { newId } from '../ids';
import type { Db } from '../open-database';
import { AREA_CODES, PhoneBook, type PhoneNumber } from './phones';
import type { Rng } from './rng';

export interface SeededContact {
  id: string;
  name: string;
  firstName: string;
  phone: PhoneNumber | null;
  email: string | null;
}

export interface SeededLead {
  id: string;
  name: string;
  owner: DemoUserKey;
  /** The first is the primary contact and always has a phone. */
  contacts: SeededContact[];
}

export function insertDemoLeads(db: Db, orgId: string, nowMs: number, rng: Rng, phones: PhoneBook): SeededLead[] {
  const insertLead = db.prepare(
    'INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)',
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, lead_id, organization_id, name, title, phones, emails) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  return DEMO_LEADS.map((spec) => {
    const id = newId('lead');
    const created = nowMs - Math.floor((30 + rng.next() * 370) * DAY_MS);
    const updated = created + Math.floor(rng.next() * (nowMs - created));
    insertLead.run(id, orgId, spec.name, formatCloseDateTime(created), formatCloseDateTime(updated));
    const contacts = spec.contacts.map((cs, i): SeededContact => {
      const phone = i === 0 || cs.phone !== false ? phones.next(spec.region) : null;
      const firstName = cs.name.split(' ')[0]!;
      const email =
        cs.email === false ? null : `${emailLocalPart(cs.name)}@${spec.domain}.example`;
      const contact = { id: newId('cont'), name: cs.name, firstName, phone, email };
      insertContact.run(
        contact.id, id, orgId, cs.name, cs.title,
        JSON.stringify(phone ? [{ phone: phone.phone, phone_formatted: phone.formatted, type: i === 0 ? 'office' : 'mobile' }] : []),
        JSON.stringify(email ? [{ email, type: 'office' }] : []),
      );
      return contact;
    });
    return { id, name: spec.name, owner: spec.owner, contacts };
  });
}

export function insertLargeLeads(
  db: Db,
  orgId: string,
  nowMs: number,
  count: number,
  rng: Rng,
  random: (n: number) => Uint8Array,
): SeededLead[] {
  const insertLead = db.prepare(
    'INSERT INTO leads (id, organization_id, name, date_created, date_updated) VALUES (?, ?, ?, ?, ?)',
  );
  const insertContact = db.prepare(
    'INSERT INTO contacts (id, lead_id, organization_id, name, title, phones, emails) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const phones = new PhoneBook();
  const leads: SeededLead[] = [];
  for (let i = 0; i < count; i++) {
    const name = largeCompanyName(i);
    const id = newId('lead', random);
    const created = formatCloseDateTime(nowMs - Math.floor((30 + rng.next() * 700) * DAY_MS));
    insertLead.run(id, orgId, name, created, created);
    const domain = slug(name);
    const contacts: SeededContact[] = [];
    const contactCount = rng.next() < 0.6 ? 1 : 2;
    for (let k = 0; k < contactCount; k++) {
      const first = rng.pick(FIRST_NAMES);
      const last = rng.pick(LAST_NAMES);
      const phone = phones.next(`us:${AREA_CODES[(i + k) % AREA_CODES.length]!}`);
      const email = `${first.toLowerCase()}.${last.toLowerCase()}@${domain}.example`;
      const contact: SeededContact = { id: newId('cont', random), name: `${first} ${last}`, firstName: first, phone, email };
      insertContact.run(
        contact.id, id, orgId, contact.name, null,
        JSON.stringify([{ phone: phone.phone, phone_formatted: phone.formatted, type: 'office' }]),
        JSON.stringify([{ email, type: 'office' }]),
      );
      contacts.push(contact);
    }
    leads.push({ id, name, owner: DEMO_USERS[i % DEMO_USERS.length]!.key, contacts });
  }
  return leads;
}

function emailLocalPart(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const cleaned = ascii.replace(/<[^>]*>/g, '').replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
  return cleaned || 'info';
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function largeCompanyName(i: number): string {
  const p = COMPANY_PREFIXES.length;
  const c = COMPANY_CORES.length;
  const s = COMPANY_SUFFIXES.length;
  const base = `${COMPANY_PREFIXES[i % p]!} ${COMPANY_CORES[Math.floor(i / p) % c]!} ${COMPANY_SUFFIXES[Math.floor(i / (p * c)) % s]!}`;
  const round = Math.floor(i / (p * c * s));
  return round === 0 ? base : `${base} ${round + 1}`;
}
