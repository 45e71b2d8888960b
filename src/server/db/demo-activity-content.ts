/**
 * The demo organization's messages beyond the tasks' previews: how whole emails go on after their
 * preview, what was texted before an incoming SMS, and the templates reps insert. Domains end in
 * `.example`, so a remote image in an email points nowhere real.
 */

/** What an incoming email says after its preview line, picked by the email's position. */
export const EMAIL_CONTINUATIONS: readonly string[] = [
  'I have copied our finance lead so she can confirm the numbers on her side. If it is easier, we can go through it on a short call this week.',
  'For context, we are comparing two vendors and want to make a decision before the end of the quarter, so a quick answer would help a lot.',
  'Let me know if you need anything else from us. Our procurement portal needs the usual documents before we can issue a purchase order.',
  'No rush on this, but I would like to share an answer with my team at our Monday stand-up.',
];

/** Later emails on the same thread: the sender adding something. */
export const EMAIL_FOLLOWUPS: readonly string[] = [
  'One more thing I forgot: could you also include the onboarding timeline in your answer?',
  'Following up on my email below; my manager asked me about this again this morning.',
  'Quick addition: we would like to start with the London office first, if that changes anything.',
];

/** Rep-sent texts that started a thread, then the contact's answer, before the incoming SMS. */
export const SMS_OPENERS: readonly string[] = [
  'Hi {first}, it is {rep} from Northwind. Thanks for your time today, the proposal is in your inbox.',
  'Hi {first}, {rep} here. Just confirming our call tomorrow at 10, does that still work?',
  'Hi {first}, quick heads-up: the new pricing sheet is out, happy to walk you through it.',
];
export const SMS_ANSWERS: readonly string[] = ['Thanks, got it!', 'Sounds good.', 'Will take a look tonight.'];

export const SMS_TEMPLATES: readonly { name: string; text: string }[] = [
  { name: 'Call me back', text: 'Hi {{ contact.first_name }}, sorry I missed your call. When is a good time to call you back? – {{ user.first_name }}' },
  { name: 'Running late', text: 'Hi {{ contact.first_name }}, running about 10 minutes late, sorry! – {{ user.first_name }}' },
  { name: 'Thanks', text: 'Thanks {{ contact.first_name }}, got it. I will get back to you today.' },
  { name: 'Meeting confirmation', text: 'Hi {{ contact.first_name }}, confirming our meeting tomorrow. Reply here if anything changes.' },
];

export const EMAIL_TEMPLATES: readonly { name: string; subject: string; body: string }[] = [
  { name: 'Thanks, will follow up', subject: 'Re: your email',
    body: 'Hi {{ contact.first_name }},\n\nThanks for your email. I am looking into this and will get back to you by tomorrow.\n\nBest,\n{{ user.first_name }}' },
  { name: 'Book a call', subject: 'Quick call?',
    body: 'Hi {{ contact.first_name }},\n\nThis is easier to sort out on a call. Would Tuesday or Wednesday afternoon work for 15 minutes?\n\nBest,\n{{ user.first_name }}' },
  { name: 'Pricing sheet', subject: 'Northwind pricing',
    body: 'Hi {{ contact.first_name }},\n\nAttached is our current pricing sheet. Annual plans include a 15% discount on all seats, add-ons included.\n\nBest,\n{{ user.first_name }}' },
];
