/**
 * One sample task per type, taken from Close's example `GET /task/` response (seed 003), plus the
 * cases the example lacks: an outgoing call, an MMS with an image and a PDF, a task of a type the
 * app does not know, and an email whose subject and preview carry markup.
 * Every fixture goes through TaskSchema so a fixture that drifts from the wire contract fails.
 */
import { type Task, TaskSchema } from '@/shared/close/schemas';

const ORG = 'orga_RbREgmiiwcr1w2b4cOnCMQaQPSIFxMqAD2Dh243uxcH';
const JOHN = 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA';
const STEFAN = 'user_Ova4RGFG7pztSeJiiMFdN7O2MFl71nD0uGO3bIOo4Wk';

function task(fields: Record<string, unknown>): Task {
  return TaskSchema.parse({
    assigned_to: JOHN,
    assigned_to_name: 'John Doe',
    contact_id: null,
    contact_name: null,
    created_by: null,
    created_by_name: null,
    updated_by: null,
    updated_by_name: null,
    is_complete: false,
    organization_id: ORG,
    view: 'inbox',
    ...fields,
  });
}

export const leadTask = task({
  _type: 'lead',
  id: 'task_aRUZXCm9lMb2LwipTPhfFoFbCsUnaoQh1ncQ7WLnjlI',
  created_by: JOHN,
  created_by_name: 'John Doe',
  date: '2015-02-08T00:00:00+00:00',
  date_created: '2015-02-08T20:30:54.314000+00:00',
  date_updated: '2015-02-26T19:11:36.128000+00:00',
  is_dateless: false,
  lead_id: 'lead_5LmpOyrMQdJSUlbNGBSGfK5XzcioIm7aC94PSQamQJc',
  lead_name: 'Close',
  object_id: null,
  object_type: null,
  text: 'Connect with Account Manager',
});

export const missedCallTask = task({
  _type: 'missed_call',
  id: 'noti_034u5OZh3J759uE9kokI5r0xzhKE1tsfwcIwW5kXtWy',
  assigned_to: 'user_alksdjfWZ9sg3FHYQcUwV7tbwZRpe3sA215Ftv8OvbU',
  assigned_to_name: 'Stefan Wojcik',
  contact_id: 'cont_nWEklsdiC4z8u0b9QcNV92pWZODOyS5eUIYkvID0poZ',
  contact_name: '',
  date: '2015-05-27T18:33:52.937000+00:00',
  date_created: '2015-05-27T18:33:52.937000+00:00',
  date_updated: '2015-05-27T18:35:28.120000+00:00',
  lead_id: 'lead_098324SXepf2mAk33WOIOvJYlis9dvRKJJe0wt1AwFE',
  lead_name: 'Lead Name',
  local_phone: '+19193332031',
  object_id: 'acti_7ALcldIJ9faMty47UM8xqAr0AMLeGcCUTmK32FuURJO',
  object_type: 'call',
  phone: '+16503334444',
  phone_formatted: '+1 650-333-4444',
  phone_number_description: 'California',
});

export const voicemailTask = task({
  _type: 'voicemail',
  id: 'noti_7WlHZCMgokvfv3H4SfymZLvG29QTifbGK0zMbEbPNgO',
  date: '2014-01-29T21:18:37.535000+00:00',
  date_created: '2015-02-26T19:24:39.847000+00:00',
  date_updated: '2015-02-26T19:24:39.849000+00:00',
  lead_id: null,
  lead_name: null,
  local_phone: '+16319099219',
  object_id: 'acti_ZnroXFGejb5JjYnluywM9wjKAGPwU3IpidvQZtW7WRp',
  object_type: 'call',
  phone: '+16314238017',
  voicemail_duration: 21,
  voicemail_url: 'https://s3.amazonaws.com/plivocloud/aaa-bbb-ccc.mp3',
});

export const incomingEmailTask = task({
  _type: 'incoming_email',
  id: 'noti_xN0O5Owvrxn6k8BclFme7L46k3eUaPlGMN6Y5o3mkyS',
  body_preview: 'Hi, does your company provide metrics for 12/2014?',
  contact_id: 'cont_73beDdTK5JOR7TMd5ervPFCwJ2jbXCPLtBfVY0yeg9X',
  contact_name: '',
  date: '2015-01-09T19:50:49+00:00',
  date_created: '2015-01-09T19:50:49+00:00',
  date_updated: '2015-02-26T19:24:38.643000+00:00',
  emails: ['acti_LfXPSR1K9IMFZwEq0yjtmrhjI9tSBQ4u4lb2lF87dzs'],
  lead_id: 'lead_E271nhg2okT6QJ7btzKmZwmZOhWSXeOG21PCJshsP3N',
  lead_name: 'Test Company',
  object_id: 'acti_jV7yfal4zwkKNTv66rGrHFd1uFUqhyNHc1m812xzcCF',
  object_type: 'emailthread',
  subject: 'December 2014 Metrics',
});

export const emailFollowupTask = task({
  _type: 'email_followup',
  id: 'noti_akhsweqrrxn6k8BclFme7L46k3eUaPlGMN6Y5o3mkyS',
  body_preview: "Please respond if you're interested",
  contact_id: 'cont_73beDdTK5JOR7TMd5ervPFCwJ2jbXCPLtBfVY0yeg9X',
  contact_name: '',
  date: '2015-01-09T19:50:49+00:00',
  date_created: '2015-01-09T19:50:49+00:00',
  date_updated: '2015-02-26T19:24:38.643000+00:00',
  email_id: 'acti_nwretk1K9IMFZwEq0yjtmrhjI9tSBQ4u4lb2lbmnrqt',
  lead_id: 'lead_E271nhg2okT6QJ7btzKmZwmZOhWSXeOG21PCJshsP3N',
  lead_name: 'Test Company',
  object_id: 'acti_nmsdgwqetlkKNTv66rGrHFd1uFUqhyNHc1m812xzbsq',
  object_type: 'emailthread',
  subject: 'I have an offer for you',
});

export const answeredDetachedCallTask = task({
  _type: 'answered_detached_call',
  id: 'noti_xc42fe5JD4y2GkcVhXQcbrrQKXjG6XDk5kuzBC1yRk0',
  date: '2015-01-09T19:49:49+00:00',
  date_created: '2015-01-09T19:50:49+00:00',
  date_updated: '2015-02-26T19:24:38.643000+00:00',
  lead_id: null,
  lead_name: null,
  object_id: 'acti_gtb5mn2YAO4up2Tv7XMjV5FLMif6JVebYxDOrqvnzas',
  object_type: 'call',
  phone: '+16504298174',
  phone_formatted: '+1 650-429-8174',
  phone_number_description: 'California',
  recording_url: 'https://s3.amazonaws.com/plivocloud/aaa-bbb-ccc.mp3',
});

export const opportunityDueTask = task({
  _type: 'opportunity_due',
  id: 'noti_7VfBZIqaXYO3tgdflHcY14kDu2mu9qeF32OT6PdOSqH',
  assigned_to: STEFAN,
  assigned_to_name: 'Stefan Wojcik',
  contact_id: 'cont_elkeZ5eRDRgoPfVvqTtnN8L0Rdj8fyNlI043oqPxQ6Z',
  contact_name: 'John Doe',
  created_by: JOHN,
  created_by_name: 'Stefan Wojcik',
  date: '2015-05-28T00:00:00+00:00',
  date_created: '2015-05-27T22:27:43.617000+00:00',
  date_updated: '2015-05-27T22:59:26.435000+00:00',
  lead_id: 'lead_0yXstlx26nU5o3341BwO9oUbqHxwcvny8sYeWQo83gU',
  lead_name: 'Test Inc.',
  object_id: 'oppo_FOvMVC4D4OHvHyXjtoBytvS8QIKvqOjknPzzSyNei7e',
  object_type: 'opportunity',
  opportunity_note: 'tqm cvr',
  opportunity_value: 130000,
  opportunity_value_currency: 'USD',
  opportunity_value_formatted: '$1,300',
  opportunity_value_period: 'one_time',
  updated_by: STEFAN,
  updated_by_name: 'Stefan Wojcik',
});

const SMS_ACTIVITY = 'acti_y10nW8kPdfmMPLy2Ufce9KymKPDuTRGKTqjpSxl6jMe';

export const incomingSmsTask = task({
  _type: 'incoming_sms',
  id: 'noti_8cT0GaRs0Ol2d97MvlresffPHEpTAE5qi6EE6y5RrKw',
  assigned_to: STEFAN,
  assigned_to_name: 'Stefan Wojcik',
  contact_id: 'cont_TdzWUxuQbVMUiZbaF5ki5OFRdbGFXSD9kyw5CTPksIT',
  contact_name: 'Steve Ballmer',
  date: '2016-09-21',
  date_created: '2016-09-21T19:00:05.835000+00:00',
  date_updated: '2016-09-21T19:00:05.835000+00:00',
  lead_id: 'lead_iuSXNk1x4KrPggPVwQS7ynmp8pGRIDieRYiCnuo4yFb',
  lead_name: 'New Lead',
  local_phone: '+16503334444',
  object_id: SMS_ACTIVITY,
  object_type: 'sms',
  remote_phone: '+18189347000',
  remote_phone_description: 'California',
  remote_phone_formatted: '+1 818-934-7000',
  text: 'Developers developers developers developers!!!',
  updated_by: STEFAN,
  updated_by_name: 'Stefan Wojcik',
});

/** Seed 003's SMS carries an image; this one adds a PDF next to it. */
export const mmsTask = task({
  ...incomingSmsTask,
  id: 'noti_mmsWithImageAndPdf0000000000000000000000000',
  text: 'Signed contract and a photo of the site',
  attachments: [
    {
      content_type: 'image/png',
      filename: 'media_1.png',
      media_id: 'media_1GnAWzBfs0SOjTDcUnyyP9',
      size: 15148,
      thumbnail_url: `https://app.close.com/go/sms/${SMS_ACTIVITY}/media/media_7Ga8l93XLVvqNsgjPbBuUI/thumbnail/`,
      url: `https://app.close.com/go/sms/${SMS_ACTIVITY}/media/media_7Ga8l93XLVvqNsgjPbBuUI/`,
    },
    {
      content_type: 'application/pdf',
      filename: 'contract.pdf',
      media_id: 'media_2PdfContract000000000',
      size: 248_000,
      thumbnail_url: null,
      url: `https://app.close.com/go/sms/${SMS_ACTIVITY}/media/media_2PdfContract000000000/`,
    },
  ],
});

export const outgoingCallTask = task({
  _type: 'outgoing_call',
  id: 'task_outgoingCall00000000000000000000000000000',
  contact_id: 'cont_elkeZ5eRDRgoPfVvqTtnN8L0Rdj8fyNlI043oqPxQ6Z',
  contact_name: 'Grace Hopper',
  date: '2016-09-22',
  date_created: '2016-09-20T10:00:00+00:00',
  date_updated: '2016-09-20T10:00:00+00:00',
  lead_id: 'lead_0yXstlx26nU5o3341BwO9oUbqHxwcvny8sYeWQo83gU',
  lead_name: 'Test Inc.',
  object_id: 'acti_outgoingCall000000000000000000000000000000',
  object_type: 'call',
  text: 'Walk through the renewal terms',
});

export const unknownTypeTask = task({
  _type: 'whatsapp_message',
  id: 'noti_unknownType00000000000000000000000000000',
  date: '2016-09-22T15:00:00+00:00',
  date_created: '2016-09-22T15:00:00+00:00',
  date_updated: '2016-09-22T15:00:00+00:00',
  lead_id: 'lead_iuSXNk1x4KrPggPVwQS7ynmp8pGRIDieRYiCnuo4yFb',
  lead_name: 'New Lead',
  text: 'Are you there?',
});

export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

/** Markup in the subject and the preview must show as text, never as elements. */
export const hostileEmailTask = task({
  ...incomingEmailTask,
  id: 'noti_hostileEmail000000000000000000000000000000',
  subject: `Invoice ${XSS_PAYLOAD}`,
  body_preview: `<script>alert(2)</script><a href="javascript:alert(3)">click</a>`,
  contact_name: `<b>Mallory</b>`,
  lead_name: `Evil ${XSS_PAYLOAD} Corp`,
});

/** One task per known type, in TASK_TYPES order. */
export const taskFixturesByType = {
  lead: leadTask,
  incoming_email: incomingEmailTask,
  email_followup: emailFollowupTask,
  missed_call: missedCallTask,
  answered_detached_call: answeredDetachedCallTask,
  voicemail: voicemailTask,
  opportunity_due: opportunityDueTask,
  incoming_sms: incomingSmsTask,
  outgoing_call: outgoingCallTask,
} as const satisfies Record<string, Task>;
