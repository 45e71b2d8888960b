import { TASK_TYPES, type TaskType } from '@/shared/close/schemas';
import type { DemoUserKey } from '../demo-data';
import type { Rng } from './rng';

/** How many tasks each demo user gets (about 600 in all). */
const TASKS_PER_USER = 100;

export type Bucket = 'overdue' | 'today' | 'future' | 'done';

export interface TaskPlan {
  type: TaskType;
  bucket: Bucket;
  /** Explicit day relative to the user's today (the large seed); otherwise drawn from the bucket. */
  dayOffset?: number;
  dateOnly?: boolean;
  dateless?: boolean;
  /** The lead, by name (else one of the user's own leads, now and then someone else's). */
  leadName?: string;
  /** Index into the type's pool: emails, voicemails, MMS messages, recordings. */
  item?: number;
  /** incoming_sms: an MMS from MMS_MESSAGES. */
  mms?: boolean;
  /** Use the type's text that looks like markup. */
  markup?: boolean;
}

export const TYPE_WEIGHTS: ReadonlyArray<readonly [TaskType, number]> = [
  ['lead', 28],
  ['incoming_email', 14],
  ['email_followup', 8],
  ['missed_call', 10],
  ['voicemail', 7],
  ['answered_detached_call', 4],
  ['opportunity_due', 8],
  ['incoming_sms', 12],
  ['outgoing_call', 9],
];

const BUCKET_WEIGHTS: ReadonlyArray<readonly [Bucket, number]> = [
  ['overdue', 22],
  ['today', 18],
  ['future', 30],
  ['done', 30],
];

/** Every user gets every type in the inbox, plus future and archive work; Alex gets a showcase. */
export function demoPlansFor(user: DemoUserKey, rng: Rng): TaskPlan[] {
  const plans: TaskPlan[] = TASK_TYPES.map((type, i) => ({ type, bucket: i % 2 === 0 ? 'today' : 'overdue' }));
  plans.push(
    { type: 'lead', bucket: 'today', dateOnly: true },
    { type: 'lead', bucket: 'today', dateOnly: true },
    { type: 'opportunity_due', bucket: 'today', dateOnly: true },
    { type: 'incoming_sms', bucket: 'today', mms: true },
    { type: 'lead', bucket: 'future' },
    { type: 'incoming_email', bucket: 'future' },
    { type: 'lead', bucket: 'done' },
    { type: 'missed_call', bucket: 'done' },
  );
  if (user === 'alex') {
    plans.push(
      { type: 'voicemail', bucket: 'today', item: 0 },
      { type: 'voicemail', bucket: 'overdue', item: 1 },
      { type: 'voicemail', bucket: 'today', item: 4 },
      { type: 'answered_detached_call', bucket: 'today', item: 0 },
      { type: 'incoming_sms', bucket: 'today', mms: true, item: 0 },
      { type: 'incoming_sms', bucket: 'overdue', mms: true, item: 1 },
      { type: 'incoming_sms', bucket: 'today', mms: true, item: 2 },
      { type: 'incoming_sms', bucket: 'overdue', mms: true, item: 3 },
      { type: 'incoming_email', bucket: 'today', markup: true },
      { type: 'incoming_sms', bucket: 'overdue', markup: true },
      { type: 'lead', bucket: 'today', leadName: '<b>Bold</b> Robotics', markup: true },
      { type: 'lead', bucket: 'overdue', dateless: true },
    );
  }
  if (user === 'jonas') {
    plans.push({ type: 'voicemail', bucket: 'today', item: 7 }, { type: 'lead', bucket: 'overdue', dateless: true });
  }
  while (plans.length < TASKS_PER_USER) {
    plans.push({ type: rng.weighted(TYPE_WEIGHTS), bucket: rng.weighted(BUCKET_WEIGHTS) });
  }
  return plans;
}

export function drawDayOffset(bucket: Bucket, rng: Rng): number {
  switch (bucket) {
    case 'overdue':
      return -(1 + Math.floor(rng.next() ** 2 * 14));
    case 'today':
      return 0;
    case 'future':
      return 1 + Math.floor(rng.next() ** 1.6 * 21);
    case 'done':
      return -Math.floor(rng.next() * 30);
  }
}
