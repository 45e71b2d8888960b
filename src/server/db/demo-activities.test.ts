import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoActivitiesIfMissing } from './demo-activities';
import { openDatabase, type Db } from './open-database';
import { seedDemoData } from './seed/demo-organization';

let dir: string;
let db: Db;
let orgId: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-demo-activities-'));
  db = openDatabase(path.join(dir, 'demo.db'));
  orgId = seedDemoData(db, { now: new Date(Date.UTC(2026, 10, 23, 12)) }).organizationId;
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo activities', () => {
  it('has a whole email for every id an incoming_email task lists, on the task’s thread', () => {
    const tasks = db.prepare(`SELECT object_id, extra FROM tasks WHERE type = 'incoming_email' AND organization_id = ?`).all(orgId) as { object_id: string; extra: string }[];
    expect(tasks.length).toBeGreaterThan(10);
    const byId = db.prepare('SELECT thread_id, subject, body_text, body_html, attachments FROM email_activities WHERE id = ?');
    let withHtml = 0;
    let withAttachments = 0;
    for (const task of tasks) {
      const extra = JSON.parse(task.extra) as { emails: string[]; subject: string; body_preview: string };
      for (const [k, id] of extra.emails.entries()) {
        const email = byId.get(id) as { thread_id: string; subject: string; body_text: string; body_html: string; attachments: string } | undefined;
        expect(email, id).toBeDefined();
        expect(email!.thread_id).toBe(task.object_id);
        if (k === 0) {
          expect(email!.subject).toBe(extra.subject);
          expect(email!.body_text).toContain(extra.body_preview);
        }
        if (email!.body_html) withHtml++;
        if (JSON.parse(email!.attachments).length) withAttachments++;
      }
    }
    expect(withHtml).toBeGreaterThan(5);
    expect(withAttachments).toBeGreaterThan(2);
    const remoteImages = db.prepare(`SELECT COUNT(*) FROM email_activities WHERE body_html LIKE '%<img src="https://%'`).pluck().get() as number;
    expect(remoteImages).toBeGreaterThan(0);
  });

  it('has the SMS behind each incoming SMS on a lead, with the thread before it', () => {
    const tasks = db.prepare(`SELECT object_id, lead_id, text FROM tasks WHERE type = 'incoming_sms' AND lead_id IS NOT NULL AND organization_id = ?`).all(orgId) as { object_id: string; lead_id: string; text: string }[];
    expect(tasks.length).toBeGreaterThan(10);
    for (const task of tasks) {
      const sms = db.prepare('SELECT lead_id, text, direction FROM sms_activities WHERE id = ?').get(task.object_id);
      expect(sms).toEqual({ lead_id: task.lead_id, text: task.text, direction: 'inbound' });
      const thread = db.prepare('SELECT COUNT(*) FROM sms_activities WHERE lead_id = ?').pluck().get(task.lead_id) as number;
      expect(thread).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives the organization its users’ numbers and addresses, templates, and is not added twice', () => {
    const count = (table: string) => db.prepare(`SELECT COUNT(*) FROM ${table} WHERE organization_id = ?`).pluck().get(orgId) as number;
    expect(count('organization_phone_numbers')).toBe(6);
    expect(count('email_senders')).toBe(6);
    expect(count('sms_templates')).toBeGreaterThan(2);
    expect(count('email_templates')).toBeGreaterThan(2);
    const emails = count('email_activities');
    seedDemoActivitiesIfMissing(db, orgId, Date.now());
    expect(count('email_activities')).toBe(emails);
  });
});
