import { randomBytes } from 'node:crypto';
import { DAY_MS, formatCloseDateTime } from '@/shared/close/dates';
import type { Attachment, TaskType } from '@/shared/close/schemas';
import {
  CALL_RECORDINGS,
  FOLLOWUP_EMAILS,
  INCOMING_EMAILS,
  LEAD_TASK_TEXTS,
  LOCAL_LEAD_TASK_TEXTS,
  LOCAL_SMS_TEXTS,
  MARKUP_INCOMING_EMAIL,
  MARKUP_LEAD_TASK_TEXT,
  MARKUP_SMS_TEXT,
  MEDIA_FILES,
  MMS_MESSAGES,
  OPPORTUNITIES,
  OUTGOING_CALL_NOTES,
  SMS_TEXTS,
  VOICEMAILS,
  type DemoUserKey,
  type EmailSpec,
} from '../demo-data';
import { newId } from '../ids';
import { createTaskInserter, type NewTaskRow, type TaskExtraByType, type TaskInserter } from '../insert-task';
import type { Db } from '../open-database';
import type { SeededContact, SeededLead } from './leads';
import { demoMediaSize, demoWavSeconds, mediaUrl } from './media';
import { AREA_CODES, fictionalNumber, type PhoneNumber } from './phones';
import type { Rng } from './rng';
import { drawDayOffset, type TaskPlan } from './task-plans';
import type { SeededUser } from './users';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** Share of date-only dates per type: to-dos and deals are usually for a day, events at a time. */
const DATE_ONLY_SHARE: Readonly<Record<TaskType, number>> = {
  lead: 0.55,
  opportunity_due: 0.8,
  outgoing_call: 0.25,
  incoming_sms: 0.1,
  incoming_email: 0,
  email_followup: 0.05,
  missed_call: 0,
  answered_detached_call: 0,
  voicemail: 0,
};

/** Types Close creates on its own (created_by null), as in its example response. */
const SYSTEM_TYPES: ReadonlySet<TaskType> = new Set([
  'incoming_email',
  'email_followup',
  'missed_call',
  'answered_detached_call',
  'voicemail',
  'incoming_sms',
]);

interface TaskBody {
  lead: SeededLead | null;
  contact: SeededContact | null;
  text: string | null;
  objectType: string | null;
  objectId: string | null;
}

/** A task's type-specific part, with `extra` matching `_type`. */
type TypedTaskBody = { [T in TaskType]: TaskBody & { _type: T; extra: TaskExtraByType[T] } }[TaskType];

/** Draws every detail of a task from the PRNG and inserts it. */
export class TaskSeeder {
  private readonly insert: TaskInserter;
  private readonly leadsByOwner = new Map<DemoUserKey, SeededLead[]>();
  private readonly leadsByName = new Map<string, SeededLead>();
  private readonly manager: SeededUser;

  constructor(
    db: Db,
    private readonly orgId: string,
    private readonly nowMs: number,
    private readonly rng: Rng,
    users: readonly SeededUser[],
    private readonly leads: readonly SeededLead[],
    private readonly random: (n: number) => Uint8Array = randomBytes,
  ) {
    this.insert = createTaskInserter(db);
    this.manager = users.find((u) => u.spec.role === 'manager') ?? users[0]!;
    for (const lead of leads) {
      const own = this.leadsByOwner.get(lead.owner) ?? [];
      own.push(lead);
      this.leadsByOwner.set(lead.owner, own);
      this.leadsByName.set(lead.name, lead);
    }
  }

  insertTask(user: SeededUser, plan: TaskPlan): void {
    const { rng, nowMs } = this;
    const { type } = plan;
    const complete = plan.bucket === 'done';
    const dayOffset = plan.dayOffset ?? drawDayOffset(plan.bucket, rng);
    const dateOnly = !plan.dateless && (plan.dateOnly ?? rng.next() < DATE_ONLY_SHARE[type]);
    const system = SYSTEM_TYPES.has(type);

    // The moment the task stands for: a time that day for date-times, the working day for dates.
    const hour = rng.int(8, 17);
    const minute = system ? rng.int(0, 59) : rng.pick([0, 15, 30, 45]);
    const second = system ? rng.int(0, 59) : 0;
    const millis = system ? rng.int(0, 999) : 0;
    const momentMs = user.zone.at(dayOffset, hour, minute, second, millis);
    const date = dateOnly ? user.zone.day(dayOffset) : formatCloseDateTime(momentMs);

    // Close dates an arriving email, call or text at its arrival; a later date means it was snoozed.
    let createdMs: number;
    if (system) {
      createdMs = momentMs <= nowMs - MINUTE_MS ? momentMs : nowMs - Math.floor((0.5 + rng.next() * 47.5) * HOUR_MS);
    } else {
      createdMs = Math.min(momentMs, nowMs) - Math.floor((1 + rng.next() * 14 * 24) * HOUR_MS);
    }
    if (plan.dateless) createdMs = nowMs - Math.floor((1 + rng.next() * 5 * 24) * HOUR_MS);
    createdMs = Math.min(createdMs, nowMs - MINUTE_MS);

    const createdBy = system
      ? null
      : type === 'opportunity_due' || user === this.manager || rng.next() >= 0.25
        ? user.id
        : this.manager.id;
    let updatedMs: number;
    let updatedBy: string | null;
    if (complete) {
      const from = Math.max(createdMs, Math.min(momentMs, nowMs));
      updatedMs = Math.min(from + Math.floor(rng.next() * 2 * DAY_MS), nowMs - MINUTE_MS);
      updatedBy = user.id;
    } else if (system && (dateOnly || momentMs !== createdMs)) {
      updatedMs = createdMs + Math.floor(rng.next() * (nowMs - createdMs));
      updatedBy = user.id;
    } else if (system) {
      updatedMs = Math.min(createdMs + rng.int(1, 90_000), nowMs);
      updatedBy = null;
    } else {
      updatedMs = rng.next() < 0.3 ? createdMs + Math.floor(rng.next() * (nowMs - createdMs)) : createdMs;
      updatedBy = createdBy;
    }
    updatedMs = Math.max(updatedMs, createdMs);

    const body = this.describe(user, plan);
    // One literal of one shape: spreading per row doubled the large seed's time. describe() pairs
    // _type and extra correctly, which TypeScript cannot follow through the two properties.
    this.insert({
      id: newId(type === 'lead' || type === 'outgoing_call' ? 'task' : 'noti', this.random),
      _type: body._type,
      organization_id: this.orgId,
      assigned_to: user.id,
      lead_id: body.lead?.id ?? null,
      contact_id: body.contact?.id ?? null,
      created_by: createdBy,
      updated_by: updatedBy,
      text: body.text,
      date: plan.dateless ? null : date,
      is_complete: complete,
      date_created_ms: createdMs,
      date_updated_ms: updatedMs,
      object_type: body.objectType,
      object_id: body.objectId,
      extra: body.extra,
    } as NewTaskRow);
  }

  private lead(user: SeededUser, plan: TaskPlan): SeededLead {
    if (plan.leadName !== undefined) {
      const named = this.leadsByName.get(plan.leadName);
      if (!named) throw new Error(`no demo lead named ${plan.leadName}`);
      return named;
    }
    const own = this.leadsByOwner.get(user.spec.key);
    return own && own.length > 0 && this.rng.next() < 0.8 ? this.rng.pick(own) : this.rng.pick(this.leads);
  }

  private contactWith(lead: SeededLead, has: 'phone' | 'email'): SeededContact | null {
    const candidates = lead.contacts.filter((c) => c[has] !== null);
    return candidates.length > 0 ? this.rng.pick(candidates) : null;
  }

  private unknownCaller(): PhoneNumber {
    return fictionalNumber(`us:${this.rng.pick(AREA_CODES)}`, this.rng.int(0, 98));
  }

  private acti(): string {
    return newId('acti', this.random);
  }

  /** The type's own part of the row: lead, contact, text, object and wire fields. */
  private describe(user: SeededUser, plan: TaskPlan): TypedTaskBody {
    const { rng } = this;
    const localPhone = user.spec.localPhone;

    switch (plan.type) {
      case 'lead': {
        const lead = this.lead(user, plan);
        const local = LOCAL_LEAD_TASK_TEXTS[user.spec.key];
        const template = plan.markup
          ? MARKUP_LEAD_TASK_TEXT
          : local && rng.next() < 0.2
            ? rng.pick(local)
            : rng.pick(LEAD_TASK_TEXTS);
        const text = template.replaceAll('{first}', lead.contacts[0]?.firstName ?? 'them');
        return { _type: 'lead', lead, contact: null, text, objectType: null, objectId: null, extra: {} };
      }
      case 'outgoing_call': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'phone');
        const text = rng.pick(OUTGOING_CALL_NOTES);
        return { _type: 'outgoing_call', lead, contact, text, objectType: 'call', objectId: this.acti(), extra: {} };
      }
      case 'incoming_email': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'email');
        const email = plan.markup ? MARKUP_INCOMING_EMAIL : pickItem(emailsFor(user.spec.key), plan.item, rng);
        const emails = Array.from({ length: rng.next() < 0.75 ? 1 : rng.int(2, 3) }, () => this.acti());
        const extra: TaskExtraByType['incoming_email'] = { emails, subject: email.subject, body_preview: email.body_preview };
        return { _type: 'incoming_email', lead, contact, text: null, objectType: 'emailthread', objectId: this.acti(), extra };
      }
      case 'email_followup': {
        const lead = this.lead(user, plan);
        const contact = this.contactWith(lead, 'email');
        const email = pickItem(FOLLOWUP_EMAILS, plan.item, rng);
        const extra: TaskExtraByType['email_followup'] = { email_id: this.acti(), subject: email.subject, body_preview: email.body_preview };
        return { _type: 'email_followup', lead, contact, text: null, objectType: 'emailthread', objectId: this.acti(), extra };
      }
      case 'missed_call': {
        const known = rng.next() < 0.85;
        const lead = known ? this.lead(user, plan) : null;
        const contact = lead ? this.contactWith(lead, 'phone') : null;
        const phone = contact?.phone ?? this.unknownCaller();
        const extra: TaskExtraByType['missed_call'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          local_phone: localPhone,
        };
        return { _type: 'missed_call', lead: contact ? lead : null, contact, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'answered_detached_call': {
        // Detached: the number belongs to no contact, so there is no lead or contact.
        const phone = this.unknownCaller();
        const withRecording = plan.item !== undefined || rng.next() < 0.85;
        const extra: TaskExtraByType['answered_detached_call'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          recording_url: withRecording ? mediaUrl(pickItem(CALL_RECORDINGS, plan.item, rng)) : null,
        };
        return { _type: 'answered_detached_call', lead: null, contact: null, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'voicemail': {
        const eligible = VOICEMAILS.filter((v) => !v.onlyFor || v.onlyFor === user.spec.key);
        const voicemail = plan.item !== undefined ? VOICEMAILS[plan.item]! : rng.pick(eligible);
        const lead = voicemail.leadName ? (this.leadsByName.get(voicemail.leadName) ?? null) : null;
        const contact = lead?.contacts.find((c) => c.name === voicemail.contactName) ?? null;
        const phone = contact?.phone ?? this.unknownCaller();
        const extra: TaskExtraByType['voicemail'] = {
          phone: phone.phone,
          phone_formatted: phone.formatted,
          phone_number_description: phone.description,
          local_phone: localPhone,
          voicemail_duration: demoWavSeconds(voicemail.file),
          voicemail_url: mediaUrl(voicemail.file),
        };
        return { _type: 'voicemail', lead, contact, text: null, objectType: 'call', objectId: this.acti(), extra };
      }
      case 'opportunity_due': {
        const lead = this.lead(user, plan);
        const contact = rng.next() < 0.8 ? (lead.contacts[0] ?? null) : null;
        const opportunity = pickItem(OPPORTUNITIES, plan.item, rng);
        const scale = user.spec.currency === 'JPY' ? 150 : user.spec.currency === 'BRL' ? 5 : 1;
        const value = opportunity.value * scale;
        const extra: TaskExtraByType['opportunity_due'] = {
          opportunity_note: opportunity.note,
          opportunity_value: value * 100,
          opportunity_value_currency: user.spec.currency,
          opportunity_value_formatted: formatMoney(value, user.spec.currency),
          opportunity_value_period: opportunity.period,
        };
        return { _type: 'opportunity_due', lead, contact, text: null, objectType: 'opportunity', objectId: newId('oppo', this.random), extra };
      }
      case 'incoming_sms': {
        const mms = plan.mms || (!plan.markup && rng.next() < 0.2);
        const known = plan.item !== undefined || plan.markup || rng.next() < 0.9;
        const lead = known ? this.lead(user, plan) : null;
        const contact = lead ? this.contactWith(lead, 'phone') : null;
        const remote = contact?.phone ?? this.unknownCaller();
        let text: string;
        let attachments: Attachment[] | undefined;
        if (mms) {
          const message = plan.item !== undefined ? MMS_MESSAGES[plan.item]! : rng.pick(MMS_MESSAGES);
          text = message.text;
          attachments = message.media.map((key) => this.attachment(key));
        } else {
          const local = LOCAL_SMS_TEXTS[user.spec.key];
          text = plan.markup ? MARKUP_SMS_TEXT : local && rng.next() < 0.25 ? rng.pick(local) : rng.pick(SMS_TEXTS);
        }
        const extra: TaskExtraByType['incoming_sms'] = {
          remote_phone: remote.phone,
          remote_phone_formatted: remote.formatted,
          remote_phone_description: remote.description,
          local_phone: localPhone,
          ...(attachments ? { attachments } : {}),
        };
        return { _type: 'incoming_sms', lead: contact ? lead : null, contact, text, objectType: 'sms', objectId: this.acti(), extra };
      }
    }
  }

  private attachment(key: string): Attachment {
    const media = MEDIA_FILES[key];
    if (!media) throw new Error(`no demo media ${key}`);
    return {
      content_type: media.contentType,
      filename: media.filename,
      media_id: newId('media', this.random).slice(0, 28),
      size: demoMediaSize(media.file),
      thumbnail_url: media.thumb ? mediaUrl(media.thumb) : null,
      url: mediaUrl(media.file),
    };
  }
}

const emailPools = new Map<DemoUserKey, readonly EmailSpec[]>();

/** The incoming emails a user can get: the English ones and those in their own language. */
function emailsFor(user: DemoUserKey): readonly EmailSpec[] {
  let pool = emailPools.get(user);
  if (!pool) {
    pool = INCOMING_EMAILS.filter((e) => !e.onlyFor || e.onlyFor === user);
    emailPools.set(user, pool);
  }
  return pool;
}

function pickItem<T>(items: readonly T[], index: number | undefined, rng: Rng): T {
  if (index === undefined) return rng.pick(items);
  const item = items[index];
  if (item === undefined) throw new Error(`no demo item ${index}`);
  return item;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Close's `opportunity_value_formatted`: whole units with the currency sign, e.g. `$1,300`. */
function formatMoney(value: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}
