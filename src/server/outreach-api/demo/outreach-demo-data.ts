/**
 * The Outreach demo's content as data: the same six people as the Close demo (and their zones),
 * the accounts they sell to, prospects with titles, phones and emails, three sequences, and the
 * task priorities. Phone numbers are in ranges reserved for fiction (NANP 555-01xx, Ofcom's 020
 * 7946 0xxx, ACMA's 02 5550 xxxx) and every email domain ends in `.example`.
 */
export type OutreachDemoUser = {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  timeZone: string;
  /** The demo's static bearer token; Alex's is replaced by EMBEDDED_OUTREACH_TOKEN when given. */
  token: string;
};

export const DEFAULT_OUTREACH_TOKEN = 'triage-outreach-demo-token';

/** Alex first: the default user of the stand-in. */
export const OUTREACH_DEMO_USERS: readonly OutreachDemoUser[] = [
  { key: 'alex', firstName: 'Alex', lastName: 'Morgan', email: 'alex@demo.triage.test', title: 'Sales Manager', timeZone: 'America/New_York', token: DEFAULT_OUTREACH_TOKEN },
  { key: 'maya', firstName: 'Maya', lastName: 'Patel', email: 'maya@demo.triage.test', title: 'Account Executive', timeZone: 'America/Los_Angeles', token: 'outreach-demo-token-maya' },
  { key: 'jonas', firstName: 'Jonas', lastName: 'Weber', email: 'jonas@demo.triage.test', title: 'Account Executive', timeZone: 'Europe/Berlin', token: 'outreach-demo-token-jonas' },
  { key: 'priya', firstName: 'Priya', lastName: 'Sharma', email: 'priya@demo.triage.test', title: 'Sales Development Rep', timeZone: 'Asia/Kolkata', token: 'outreach-demo-token-priya' },
  { key: 'kenji', firstName: 'Kenji', lastName: 'Tanaka', email: 'kenji@demo.triage.test', title: 'Sales Development Rep', timeZone: 'Asia/Tokyo', token: 'outreach-demo-token-kenji' },
  { key: 'lucia', firstName: 'Lucía', lastName: 'Fernández', email: 'lucia@demo.triage.test', title: 'Account Executive', timeZone: 'America/Sao_Paulo', token: 'outreach-demo-token-lucia' },
];

export type DemoProspect = {
  firstName: string;
  lastName: string;
  title: string | null;
  work?: string;
  mobile?: string;
  /** false: no email (a missing optional value the UI must cope with). */
  email?: boolean;
  timeZone: string;
};

export type DemoAccount = {
  name: string;
  domain: string;
  industry: string;
  locality: string;
  employees: number;
  owner: string;
  prospects: readonly DemoProspect[];
};

export const OUTREACH_DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { name: 'Brightline Logistics', domain: 'brightline-logistics', industry: 'Logistics', locality: 'Boston, MA', employees: 420, owner: 'alex', prospects: [
    { firstName: 'Dana', lastName: 'Whitfield', title: 'VP Operations', work: '+16175550142', mobile: '+16175550143', timeZone: 'America/New_York' },
    { firstName: 'Marcus', lastName: 'Lee', title: 'Fleet Manager', work: '+16175550144', timeZone: 'America/New_York' },
  ] },
  { name: 'Cedar & Pine Dental', domain: 'cedarpine-dental', industry: 'Healthcare', locality: 'Portland, OR', employees: 35, owner: 'maya', prospects: [
    { firstName: 'Hannah', lastName: 'Okafor', title: 'Practice Manager', work: '+15035550120', timeZone: 'America/Los_Angeles' },
    { firstName: 'Tom', lastName: 'Reyes', title: null, mobile: '+15035550121', email: false, timeZone: 'America/Los_Angeles' },
  ] },
  { name: 'Helios Solar GmbH', domain: 'helios-solar', industry: 'Energy', locality: 'London, UK', employees: 180, owner: 'jonas', prospects: [
    { firstName: 'Clara', lastName: 'Brandt', title: 'Head of Procurement', work: '+442079460150', timeZone: 'Europe/London' },
    { firstName: 'Oliver', lastName: 'Hughes', title: 'CFO', work: '+442079460151', mobile: '+442079460152', timeZone: 'Europe/London' },
  ] },
  { name: 'Juniper Analytics', domain: 'juniper-analytics', industry: 'Software', locality: 'Austin, TX', employees: 95, owner: 'priya', prospects: [
    { firstName: 'Sofia', lastName: 'Martins', title: 'Director of Data', work: '+15125550160', timeZone: 'America/Chicago' },
    { firstName: 'Raj', lastName: 'Iyer', title: 'CTO', mobile: '+15125550161', timeZone: 'America/Chicago' },
  ] },
  { name: 'Koala Freight', domain: 'koala-freight', industry: 'Logistics', locality: 'Sydney, AU', employees: 260, owner: 'kenji', prospects: [
    { firstName: 'Mia', lastName: 'Campbell', title: 'Operations Director', work: '+61255500170', timeZone: 'Australia/Sydney' },
    { firstName: 'Jack', lastName: 'Nguyen', title: 'IT Manager', work: '+61255500171', timeZone: 'Australia/Sydney' },
  ] },
  { name: 'Mariposa Hotels', domain: 'mariposa-hotels', industry: 'Hospitality', locality: 'Miami, FL', employees: 1200, owner: 'lucia', prospects: [
    { firstName: 'Gabriela', lastName: 'Souza', title: 'Revenue Manager', work: '+13055550180', timeZone: 'America/New_York' },
    { firstName: 'Luis', lastName: 'Ortega', title: 'General Manager', mobile: '+13055550181', timeZone: 'America/New_York' },
  ] },
  { name: 'Northpeak Outdoor', domain: 'northpeak-outdoor', industry: 'Retail', locality: 'Denver, CO', employees: 70, owner: 'alex', prospects: [
    { firstName: 'Emily', lastName: 'Carter', title: 'E-commerce Lead', work: '+13035550190', timeZone: 'America/Denver' },
  ] },
  { name: 'Quarry Stone Legal', domain: 'quarrystone-legal', industry: 'Legal', locality: 'Toronto, ON', employees: 55, owner: 'maya', prospects: [
    { firstName: 'Nathan', lastName: 'Brooks', title: 'Managing Partner', work: '+14165550112', timeZone: 'America/Toronto' },
    { firstName: 'Aisha', lastName: 'Khan', title: 'Office Administrator', work: '+14165550113', mobile: '+14165550114', timeZone: 'America/Toronto' },
  ] },
];

export type DemoStep = { stepType: 'auto_email' | 'manual_email' | 'call' | 'task'; intervalDays: number; taskNote: string | null };

export const OUTREACH_DEMO_SEQUENCES: readonly { name: string; description: string; owner: string; steps: readonly DemoStep[] }[] = [
  { name: 'Inbound demo request', description: 'Fast follow-up for people who asked for a demo.', owner: 'alex', steps: [
    { stepType: 'auto_email', intervalDays: 0, taskNote: null },
    { stepType: 'call', intervalDays: 1, taskNote: 'Call within a day of the request; reference what they asked about.' },
    { stepType: 'manual_email', intervalDays: 2, taskNote: 'Personal note with two time slots.' },
    { stepType: 'task', intervalDays: 3, taskNote: 'Research the account on LinkedIn and log the buying committee.' },
    { stepType: 'call', intervalDays: 4, taskNote: 'Last call attempt; leave a voicemail.' },
  ] },
  { name: 'Outbound — Operations leaders', description: 'Cold outreach to heads of operations.', owner: 'maya', steps: [
    { stepType: 'manual_email', intervalDays: 0, taskNote: 'Open with the logistics benchmark.' },
    { stepType: 'call', intervalDays: 2, taskNote: 'Call the direct line; ask who owns routing.' },
    { stepType: 'task', intervalDays: 3, taskNote: 'Send a LinkedIn connection request.' },
    { stepType: 'manual_email', intervalDays: 5, taskNote: 'Break-up email.' },
  ] },
  { name: 'Renewal — 90 days out', description: 'Customers whose renewal is three months away.', owner: 'jonas', steps: [
    { stepType: 'call', intervalDays: 0, taskNote: 'Check in on adoption before the renewal talk.' },
    { stepType: 'manual_email', intervalDays: 7, taskNote: 'Send the usage report and renewal quote.' },
    { stepType: 'task', intervalDays: 14, taskNote: 'Book the QBR.' },
  ] },
];

/** Outreach's default priorities; `weight` orders them (higher is more urgent). */
export const OUTREACH_DEMO_PRIORITIES = [
  { name: 'High', color: 0xff5951, weight: 30 },
  { name: 'Medium', color: 0xffb400, weight: 20 },
  { name: 'Low', color: 0x8f9bb3, weight: 10 },
] as const;

export type DemoTaskTemplate = {
  day: number;
  time: string;
  action: 'action_item' | 'call' | 'email' | 'in_person';
  /** A sequence step task, or a manual one. */
  sequence: boolean;
  state: 'pending' | 'incomplete' | 'complete';
  note: string | null;
  priority: 'High' | 'Medium' | 'Low' | null;
};

/** Every owner gets these, each on one of their prospects: overdue, today, future, pending and complete. */
export const OUTREACH_DEMO_TASKS: readonly DemoTaskTemplate[] = [
  { day: -3, time: '10:00', action: 'call', sequence: true, state: 'incomplete', note: null, priority: 'High' },
  { day: -1, time: '16:30', action: 'email', sequence: true, state: 'incomplete', note: 'Follow up on the pricing deck.', priority: 'Medium' },
  { day: -1, time: '11:00', action: 'action_item', sequence: false, state: 'incomplete', note: 'Update the opportunity stage after the demo.', priority: 'Low' },
  { day: 0, time: '09:00', action: 'call', sequence: false, state: 'incomplete', note: 'Ask about budget timing.', priority: 'High' },
  { day: 0, time: '11:30', action: 'in_person', sequence: false, state: 'incomplete', note: 'Coffee at their office; bring the ROI sheet.', priority: 'Medium' },
  { day: 0, time: '14:00', action: 'email', sequence: true, state: 'incomplete', note: null, priority: null },
  { day: 0, time: '17:45', action: 'action_item', sequence: true, state: 'incomplete', note: 'Check LinkedIn for the new VP.', priority: 'Low' },
  { day: 0, time: '20:00', action: 'call', sequence: false, state: 'incomplete', note: null, priority: 'Medium' },
  { day: 1, time: '10:00', action: 'email', sequence: false, state: 'incomplete', note: 'Send the case study.', priority: null },
  { day: 2, time: '15:00', action: 'call', sequence: true, state: 'incomplete', note: null, priority: 'High' },
  { day: 7, time: '09:30', action: 'in_person', sequence: false, state: 'incomplete', note: 'Quarterly business review.', priority: 'Medium' },
  { day: 3, time: '09:00', action: 'email', sequence: true, state: 'pending', note: null, priority: null },
  { day: 5, time: '09:00', action: 'call', sequence: true, state: 'pending', note: null, priority: 'Low' },
  { day: -2, time: '10:00', action: 'call', sequence: false, state: 'complete', note: 'Left a voicemail.', priority: 'Medium' },
  { day: -1, time: '15:00', action: 'email', sequence: true, state: 'complete', note: null, priority: null },
  { day: 0, time: '08:00', action: 'action_item', sequence: false, state: 'complete', note: 'Log the trade-show leads.', priority: 'Low' },
];
