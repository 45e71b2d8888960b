/**
 * The demo organization's email and SMS activities, made from its tasks once they exist: the
 * whole emails an incoming_email task's `emails` lists (text, some with HTML, a remote image and
 * attachments), the SMS thread behind each incoming SMS, the organization's own phone numbers and
 * email senders (its users'), and a few templates. Deterministic for a given seed: choices follow
 * each task's position, ids are random like Close's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Attachment } from '@/shared/close/schemas';
import { DEMO_MEDIA_DIR, DEMO_USERS, MEDIA_FILES, MEDIA_URL_PREFIX, MARKUP_INCOMING_EMAIL } from './demo-data';
import { EMAIL_CONTINUATIONS, EMAIL_FOLLOWUPS, EMAIL_TEMPLATES, SMS_ANSWERS, SMS_OPENERS, SMS_TEMPLATES } from './demo-activity-content';
import { newId } from './ids';
import type { Db } from './open-database';

const MINUTE_MS = 60_000;

type TaskSource = {
  type: string;
  organization_id: string;
  lead_id: string | null;
  lead_name: string | null;
  contact_id: string | null;
  contact_name: string | null;
  contact_emails: string | null;
  user_first: string;
  user_email: string;
  text: string | null;
  object_id: string | null;
  extra: string;
  date_created_ms: number;
};

/** Whether the organization already has its activities (databases seeded before they existed lack them). */
function hasActivities(db: Db, orgId: string): boolean {
  return db.prepare('SELECT 1 FROM organization_phone_numbers WHERE organization_id = ? LIMIT 1').get(orgId) !== undefined;
}

/** Adds the activities to an organization seeded without them; a no-op once they are there. */
export function seedDemoActivitiesIfMissing(db: Db, orgId: string, nowMs: number): void {
  if (!hasActivities(db, orgId)) db.transaction(() => seedDemoActivities(db, orgId, nowMs))();
}

export function seedDemoActivities(db: Db, orgId: string, nowMs: number): void {
  const users = db
    .prepare<[string], { id: string; email: string; first_name: string; last_name: string }>(
      'SELECT u.id, u.email, u.first_name, u.last_name FROM users u JOIN memberships m ON m.user_id = u.id WHERE m.organization_id = ?',
    )
    .all(orgId);
  const addNumber = db.prepare('INSERT INTO organization_phone_numbers (organization_id, number, user_id) VALUES (?, ?, ?)');
  const addSender = db.prepare('INSERT INTO email_senders (organization_id, email, name, user_id) VALUES (?, ?, ?, ?)');
  for (const user of users) {
    const spec = DEMO_USERS.find((u) => u.email === user.email);
    if (spec) addNumber.run(orgId, spec.localPhone, user.id);
    addSender.run(orgId, user.email, `${user.first_name} ${user.last_name}`, user.id);
  }
  const manager = users[0]?.id ?? null;
  const addSmsTemplate = db.prepare(
    'INSERT INTO sms_templates (id, organization_id, name, text, created_by, date_created_ms) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const t of SMS_TEMPLATES) addSmsTemplate.run(newId('smstmpl'), orgId, t.name, t.text, manager, nowMs - 90 * 86_400_000);
  const addEmailTemplate = db.prepare(
    'INSERT INTO email_templates (id, organization_id, name, subject, body, created_by, date_created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const t of EMAIL_TEMPLATES) addEmailTemplate.run(newId('tmpl'), orgId, t.name, t.subject, t.body, manager, nowMs - 90 * 86_400_000);

  const tasks = db
    .prepare<[string], TaskSource>(
      `SELECT t.type, t.organization_id, t.lead_id, l.name AS lead_name, t.contact_id, c.name AS contact_name,
              c.emails AS contact_emails, u.first_name AS user_first, u.email AS user_email, t.text, t.object_id,
              t.extra, t.date_created_ms
         FROM tasks t LEFT JOIN leads l ON l.id = t.lead_id LEFT JOIN contacts c ON c.id = t.contact_id
         JOIN users u ON u.id = t.assigned_to
        WHERE t.organization_id = ? AND t.type IN ('incoming_email', 'incoming_sms') ORDER BY t.seq`,
    )
    .all(orgId);
  const emails = createEmailWriter(db);
  const sms = createSmsWriter(db);
  const threads = new Set<string>();
  tasks.forEach((task, i) => {
    if (task.type === 'incoming_email') emails(task, i);
    else if (task.lead_id) {
      const extra = JSON.parse(task.extra) as { remote_phone?: string };
      const key = `${task.lead_id}|${extra.remote_phone}`;
      sms(task, i, !threads.has(key));
      threads.add(key);
    }
  });
}

function attachment(key: string): Attachment {
  const media = MEDIA_FILES[key]!;
  return {
    content_type: media.contentType,
    filename: media.filename,
    size: fs.statSync(path.join(DEMO_MEDIA_DIR, media.file)).size,
    url: `${MEDIA_URL_PREFIX}${media.file}`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The HTML part: the same words, a signature with the company's logo from its own (remote) host. */
function htmlOf(paragraphs: readonly string[], senderName: string, leadName: string, domain: string, markup: boolean): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  // The email that looks like markup carries the tricks a sanitizer must defuse.
  const tricks = markup
    ? '\n<script>alert("email")</script><img src="x" onerror="alert(1)"><a href="javascript:alert(2)">Open the pricing</a>' +
      '<form action="https://collect.example/"><input name="password"></form><meta http-equiv="refresh" content="0;url=https://phish.example/">'
    : '';
  return `<div style="font-family: Arial, sans-serif; font-size: 14px">\n${body}\n<p>Best regards,<br><strong>${escapeHtml(senderName)}</strong><br>${escapeHtml(leadName)}</p>\n<p><img src="https://cdn.${domain}.example/email/logo.png" alt="${escapeHtml(leadName)} logo" width="120" height="40"></p>${tricks}\n</div>`;
}

function createEmailWriter(db: Db) {
  const insert = db.prepare(
    `INSERT INTO email_activities (id, organization_id, lead_id, contact_id, user_id, thread_id, in_reply_to_id, direction, status,
       sender, recipients, subject, body_text, body_html, attachments, date_created_ms, date_updated_ms, date_sent_ms)
     VALUES (?, ?, ?, ?, NULL, ?, ?, 'incoming', 'inbox', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (task: TaskSource, i: number) => {
    const extra = JSON.parse(task.extra) as { emails?: string[]; subject?: string; body_preview?: string };
    const ids = extra.emails ?? [];
    const contactEmail = (JSON.parse(task.contact_emails ?? '[]') as { email: string }[])[0]?.email;
    const domain = (contactEmail?.split('@')[1] ?? 'customer.example').replace(/\.example$/, '');
    const senderName = task.contact_name ?? task.lead_name ?? 'Customer';
    const sender = `"${senderName.replace(/"/g, '')}" <${contactEmail ?? `hello@${domain}.example`}>`;
    const markup = extra.subject === MARKUP_INCOMING_EMAIL.subject;
    let previous: string | null = null;
    ids.forEach((id, k) => {
      const paragraphs =
        k === 0
          ? [`Hi ${task.user_first},`, extra.body_preview ?? '', EMAIL_CONTINUATIONS[i % EMAIL_CONTINUATIONS.length]!]
          : [`Hi ${task.user_first},`, EMAIL_FOLLOWUPS[(i + k) % EMAIL_FOLLOWUPS.length]!];
      const text = `${paragraphs.join('\n\n')}\n\nBest regards,\n${senderName}\n${task.lead_name ?? ''}`.trim();
      const withHtml = markup || i % 2 === 0;
      const files = k === 0 && i % 3 === 0 ? [attachment('quote'), attachment('chart')] : [];
      const sentMs = task.date_created_ms - (ids.length - 1 - k) * 37 * MINUTE_MS;
      insert.run(
        id, task.organization_id, task.lead_id, task.contact_id, task.object_id, previous, sender,
        JSON.stringify({ to: [task.user_email], cc: [], bcc: [] }),
        k === 0 ? (extra.subject ?? '') : `Re: ${extra.subject ?? ''}`,
        text,
        withHtml ? htmlOf(paragraphs, senderName, task.lead_name ?? '', domain, markup) : '',
        JSON.stringify(files), sentMs, sentMs, sentMs,
      );
      previous = id;
    });
  };
}

function createSmsWriter(db: Db) {
  const insert = db.prepare(
    `INSERT INTO sms_activities (id, organization_id, lead_id, contact_id, user_id, direction, status, local_phone, remote_phone,
       text, attachments, date_created_ms, date_updated_ms, date_sent_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const userOf = db.prepare<[string], string>('SELECT user_id FROM organization_phone_numbers WHERE number = ?').pluck();
  return (task: TaskSource, i: number, opensThread: boolean) => {
    const extra = JSON.parse(task.extra) as { remote_phone?: string; local_phone?: string; attachments?: Attachment[] };
    const local = extra.local_phone ?? null;
    const remote = extra.remote_phone ?? null;
    const userId = local ? (userOf.get(local) ?? null) : null;
    const at = task.date_created_ms;
    const row = (id: string, direction: string, status: string, text: string, files: Attachment[], ms: number) =>
      insert.run(id, task.organization_id, task.lead_id, task.contact_id, direction === 'outbound' ? userId : null,
        direction, status, local, remote, text, JSON.stringify(files), ms, ms, ms);
    if (opensThread) {
      const first = task.contact_name?.split(' ')[0] ?? 'there';
      const opener = SMS_OPENERS[i % SMS_OPENERS.length]!.replace('{first}', first).replace('{rep}', task.user_first);
      row(newId('acti'), 'outbound', 'sent', opener, [], at - 26 * 60 * MINUTE_MS);
      row(newId('acti'), 'inbound', 'inbox', SMS_ANSWERS[i % SMS_ANSWERS.length]!, [], at - 25 * 60 * MINUTE_MS);
    }
    row(task.object_id ?? newId('acti'), 'inbound', 'inbox', task.text ?? '', extra.attachments ?? [], at);
  };
}
