/**
 * The demo organization's content as data: people, companies and what they write, say and send.
 * seed/ turns it into rows. Phone numbers are in ranges reserved for fiction (NANP 555-01xx,
 * Ofcom's 020 7946 0xxx, ACMA's 02 5550 xxxx, ComReg's 020 910 xxxx) and every email domain ends in
 * `.example`, so nothing here reaches a real person.
 */
import { fileURLToPath } from 'node:url';

export const ORGANIZATION_NAME = 'Northwind Demo';

/** Where the media files live; the embedded API serves them as `GET /media/<name>`. */
export const DEMO_MEDIA_DIR = fileURLToPath(new URL('./demo-media/', import.meta.url));
/** Stored media URLs are root-relative; the task serializer puts the API's own origin in front. */
export const MEDIA_URL_PREFIX = '/media/';

export type DemoUserKey = 'alex' | 'maya' | 'jonas' | 'priya' | 'kenji' | 'lucia';

export interface DemoUserSpec {
  key: DemoUserKey;
  firstName: string;
  lastName: string;
  email: string;
  role: 'manager' | 'rep';
  timeZone: string;
  /** Alex's key is replaced by `defaultApiKey` (EMBEDDED_API_KEY) when given. */
  apiKey: string;
  /** The Close number this user's calls and texts come in on (`local_phone`). */
  localPhone: string;
  /** Currency of the deals this user works. */
  currency: string;
}

/** Alex first: the default user of the embedded API. */
export const DEMO_USERS: readonly DemoUserSpec[] = [
  { key: 'alex', firstName: 'Alex', lastName: 'Morgan', email: 'alex@demo.triage.test', role: 'manager',
    timeZone: 'America/New_York', apiKey: 'triage-demo-key', localPhone: '+12125550100', currency: 'USD' },
  { key: 'maya', firstName: 'Maya', lastName: 'Patel', email: 'maya@demo.triage.test', role: 'rep',
    timeZone: 'America/Los_Angeles', apiKey: 'demo-key-maya', localPhone: '+14155550100', currency: 'USD' },
  { key: 'jonas', firstName: 'Jonas', lastName: 'Weber', email: 'jonas@demo.triage.test', role: 'rep',
    timeZone: 'Europe/Berlin', apiKey: 'demo-key-jonas', localPhone: '+442079460100', currency: 'EUR' },
  { key: 'priya', firstName: 'Priya', lastName: 'Sharma', email: 'priya@demo.triage.test', role: 'rep',
    timeZone: 'Asia/Kolkata', apiKey: 'demo-key-priya', localPhone: '+442079460101', currency: 'USD' },
  { key: 'kenji', firstName: 'Kenji', lastName: 'Tanaka', email: 'kenji@demo.triage.test', role: 'rep',
    timeZone: 'Asia/Tokyo', apiKey: 'demo-key-kenji', localPhone: '+61255500100', currency: 'JPY' },
  { key: 'lucia', firstName: 'Lucía', lastName: 'Fernández', email: 'lucia@demo.triage.test', role: 'rep',
    timeZone: 'America/Sao_Paulo', apiKey: 'demo-key-lucia', localPhone: '+13055550100', currency: 'BRL' },
];

/**
 * Someone who left the demo team: an inactive membership (Close's `inactive_memberships`), whose
 * few open tasks are still assigned to them and need a new owner. Their key signs nobody in.
 * Their tasks are written like `borrows`'s (leads, texts, currency).
 */
export const DEMO_INACTIVE_USER = {
  firstName: 'Sam',
  lastName: 'Okafor',
  email: 'sam@demo.triage.test',
  timeZone: 'Europe/London',
  apiKey: 'demo-key-sam-left',
  borrows: 'jonas' as DemoUserKey,
  openTasks: 6,
} as const;

/** Where a lead's phones are: a US/Canadian area code, or a country with a drama range. */
export type PhoneRegion = `us:${string}` | 'uk' | 'ie' | 'au';

/** Area code → Close's `phone_number_description` for it. */
export const AREA_CODE_REGIONS: Readonly<Record<string, string>> = {
  '212': 'New York', '646': 'New York', '718': 'New York', '617': 'Massachusetts', '202': 'District of Columbia',
  '215': 'Pennsylvania', '404': 'Georgia', '305': 'Florida', '786': 'Florida', '312': 'Illinois',
  '512': 'Texas', '214': 'Texas', '303': 'Colorado', '415': 'California', '650': 'California',
  '310': 'California', '619': 'California', '206': 'Washington', '503': 'Oregon', '702': 'Nevada',
  '416': 'Ontario', '604': 'British Columbia',
};

export interface DemoContactSpec {
  name: string;
  title: string | null;
  /** false: the contact has no phone (a missing optional value the UI must cope with). */
  phone?: boolean;
  email?: boolean;
}

export interface DemoLeadSpec {
  name: string;
  /** Email domain, without the `.example` suffix. */
  domain: string;
  region: PhoneRegion;
  owner: DemoUserKey;
  contacts: readonly DemoContactSpec[];
}

const c = (name: string, title: string | null, extra: Partial<DemoContactSpec> = {}): DemoContactSpec => ({
  name,
  title,
  ...extra,
});

/** 60 companies, ten per user; the first contact is the primary one and always has a phone. */
export const DEMO_LEADS: readonly DemoLeadSpec[] = [
  // Alex: US East Coast
  { name: 'Acme Logistics', domain: 'acme-logistics', region: 'us:212', owner: 'alex',
    contacts: [c('Dana Whitfield', 'VP Operations'), c('Marcus Lee', 'Procurement Manager'), c('Eva Brandt', 'Warehouse Lead', { email: false })] },
  { name: 'Brightline Dental', domain: 'brightline-dental', region: 'us:617', owner: 'alex',
    contacts: [c('Marcus Reid', 'Practice Owner'), c('Leah Kim', 'Office Manager')] },
  { name: 'Harbor Freight Partners', domain: 'harbor-freight', region: 'us:617', owner: 'alex',
    contacts: [c('Tom Becker', 'Controller'), c('Gina Russo', 'Accounts Payable', { phone: false })] },
  { name: 'Keystone Insurance Group', domain: 'keystone-insurance', region: 'us:215', owner: 'alex',
    contacts: [c('Robert Chen', 'Head of Sales Ops')] },
  { name: 'Blue Ridge Outfitters', domain: 'blueridge-outfitters', region: 'us:404', owner: 'alex',
    contacts: [c('Hannah Brooks', 'E-commerce Director'), c('Jamal Carter', 'IT Manager')] },
  { name: 'Capitol Legal Services', domain: 'capitol-legal', region: 'us:202', owner: 'alex',
    contacts: [c('Patricia Owens', 'Managing Partner'), c('Derek Walsh', null)] },
  { name: '<b>Bold</b> Robotics', domain: 'bold-robotics', region: 'us:646', owner: 'alex',
    contacts: [c('Irene <i>Italic</i> Novak', 'CTO'), c('Sam Ortiz', 'Founder')] },
  { name: 'Meridian Health Partners', domain: 'meridian-health', region: 'us:718', owner: 'alex',
    contacts: [c('Olivia Grant', 'Director of Patient Services'), c('Ben Adler', 'CFO'), c('Nora Quinn', 'Executive Assistant')] },
  { name: 'Summit Ridge Capital', domain: 'summit-ridge', region: 'us:212', owner: 'alex',
    contacts: [c('William Hayes', 'Partner')] },
  { name: 'Oakmont Property Management', domain: 'oakmont-pm', region: 'us:305', owner: 'alex',
    contacts: [c('Teresa Molina', 'Regional Manager'), c('Kevin Shaw', 'Leasing Coordinator', { email: false })] },
  // Maya: US West Coast
  { name: 'Pinecrest Hotels', domain: 'pinecrest-hotels', region: 'us:303', owner: 'maya',
    contacts: [c('Sofia Alvarez', 'Director of Guest Experience'), c('Ryan Cole', 'Revenue Manager')] },
  { name: 'Greenfield Dental', domain: 'greenfield-dental', region: 'us:512', owner: 'maya',
    contacts: [c('Nnamdi Okafor', 'Practice Manager'), c('Emily Tran', 'Hygienist Lead', { phone: false })] },
  { name: 'Cascade Coffee Roasters', domain: 'cascade-coffee', region: 'us:503', owner: 'maya',
    contacts: [c('Liam Foster', 'Owner'), c('Chloe Martin', 'Wholesale Manager')] },
  { name: 'Sierra Solar Installers', domain: 'sierra-solar', region: 'us:415', owner: 'maya',
    contacts: [c('Diego Ramirez', 'Sales Director'), c('Amy Nguyen', 'Operations'), c('Paul Stein', 'Installer Team Lead', { email: false })] },
  { name: 'Golden Gate Fitness', domain: 'gg-fitness', region: 'us:415', owner: 'maya',
    contacts: [c('Jasmine Wright', 'General Manager')] },
  { name: 'Redwood Analytics', domain: 'redwood-analytics', region: 'us:650', owner: 'maya',
    contacts: [c('Ethan Park', 'VP Engineering'), c('Rachel Green', 'Data Lead')] },
  { name: 'Pacific Crest Realty', domain: 'pacific-crest', region: 'us:310', owner: 'maya',
    contacts: [c('Mia Johnson', 'Broker'), c('Carlos Vega', 'Transaction Coordinator')] },
  { name: 'Emerald City Bikes', domain: 'emerald-bikes', region: 'us:206', owner: 'maya',
    contacts: [c('Noah Bennett', 'Co-founder')] },
  { name: 'Desert Bloom Spa & Wellness', domain: 'desert-bloom', region: 'us:702', owner: 'maya',
    contacts: [c('Ava Thompson', 'Spa Director'), c('Lucas Hill', 'Marketing')] },
  { name: 'Lakeshore Veterinary Clinic', domain: 'lakeshore-vet', region: 'us:604', owner: 'maya',
    contacts: [c('Grace Liu', 'Clinic Manager'), c('Owen Fraser', 'Veterinarian', { email: false })] },
  // Jonas: Europe
  { name: 'Müller Maschinenbau GmbH', domain: 'mueller-maschinenbau', region: 'uk', owner: 'jonas',
    contacts: [c('Katrin Vogel', 'Einkaufsleiterin'), c('Stefan Hoffmann', 'Geschäftsführer')] },
  { name: 'Thames Valley Brewing Co.', domain: 'thames-brewing', region: 'uk', owner: 'jonas',
    contacts: [c('Oliver Hughes', 'Head Brewer'), c('Charlotte Evans', 'Commercial Director')] },
  { name: 'Nordlicht Software AG', domain: 'nordlicht', region: 'uk', owner: 'jonas',
    contacts: [c('Lena Schulz', 'Head of Sales'), c('Felix Wagner', 'CTO'), c('Anna Becker', 'Office Management', { phone: false })] },
  { name: 'Liffey Digital', domain: 'liffey-digital', region: 'ie', owner: 'jonas',
    contacts: [c('Siobhán Murphy', 'Managing Director')] },
  { name: 'Atelier Lumière', domain: 'atelier-lumiere', region: 'uk', owner: 'jonas',
    contacts: [c('Camille Dubois', 'Directrice'), c('Hugo Laurent', null)] },
  { name: 'Van der Berg Logistics B.V.', domain: 'vdberg-logistics', region: 'uk', owner: 'jonas',
    contacts: [c('Pieter van der Berg', 'Owner'), c('Sanne de Vries', 'Planner')] },
  { name: 'Galway Bay Seafood', domain: 'galway-seafood', region: 'ie', owner: 'jonas',
    contacts: [c('Ciarán Kelly', 'Sales Manager'), c('Aoife Byrne', 'Finance')] },
  { name: 'Alpine Ski Schools', domain: 'alpine-ski', region: 'uk', owner: 'jonas',
    contacts: [c('Matthias Gruber', 'Director')] },
  { name: 'Københavns Cykler ApS', domain: 'kbh-cykler', region: 'uk', owner: 'jonas',
    contacts: [c('Freja Nielsen', 'Indkøbschef'), c('Mads Larsen', 'CEO')] },
  { name: 'Iberia Textiles S.L.', domain: 'iberia-textiles', region: 'uk', owner: 'jonas',
    contacts: [c('Javier Morales', 'Director Comercial'), c('Lucía Navarro', 'Compras', { phone: false })] },
  // Priya: India and the Middle East (London and US offices)
  { name: 'Lotus Fintech', domain: 'lotus-fintech', region: 'uk', owner: 'priya',
    contacts: [c('Raj Malhotra', 'Head of Partnerships'), c('Ananya Iyer', 'Product Manager')] },
  { name: 'Saffron Hospitality Group', domain: 'saffron-hospitality', region: 'uk', owner: 'priya',
    contacts: [c('Vikram Rao', 'COO'), c('Meera Nair', 'Guest Relations'), c('Arjun Mehta', 'IT Lead')] },
  { name: 'Ganges Pharma Distributors', domain: 'ganges-pharma', region: 'us:212', owner: 'priya',
    contacts: [c('Sunil Kapoor', 'Regional Director')] },
  { name: 'Desert Rose Trading LLC', domain: 'desert-rose', region: 'uk', owner: 'priya',
    contacts: [c('Omar Haddad', 'General Manager'), c('Layla Nasser', 'Procurement')] },
  { name: 'Monsoon Apparel', domain: 'monsoon-apparel', region: 'uk', owner: 'priya',
    contacts: [c('Kavya Reddy', 'Founder'), c('Rohan Das', 'Operations', { email: false })] },
  { name: 'Indus Cloud Services', domain: 'indus-cloud', region: 'us:650', owner: 'priya',
    contacts: [c('Aditya Joshi', 'VP Sales'), c('Neha Gupta', 'Solutions Architect')] },
  { name: 'Bluewater Shipping', domain: 'bluewater-shipping', region: 'uk', owner: 'priya',
    contacts: [c('Farhan Qureshi', 'Chartering Manager')] },
  { name: 'Spice Route Foods', domain: 'spice-route', region: 'us:718', owner: 'priya',
    contacts: [c('Deepa Pillai', 'Category Manager'), c('Karan Singh', 'Logistics')] },
  { name: 'Himalaya EdTech', domain: 'himalaya-edtech', region: 'uk', owner: 'priya',
    contacts: [c('Ishaan Verma', 'CEO'), c('Pooja Bhatt', 'Head of Growth')] },
  { name: 'Zenith Diagnostics', domain: 'zenith-dx', region: 'us:312', owner: 'priya',
    contacts: [c('Sanjay Krishnan', 'Lab Director'), c('Divya Menon', null, { phone: false })] },
  // Kenji: Japan and Australia
  { name: 'Sakura Foods', domain: 'sakura-foods', region: 'au', owner: 'kenji',
    contacts: [c('Aiko Mori', 'Export Manager'), c('Hiroshi Sato', 'President')] },
  { name: '株式会社ミドリ商事', domain: 'midori-shoji', region: 'au', owner: 'kenji',
    contacts: [c('山田 花子', '営業部長'), c('Takeshi Yamada', 'Sales')] },
  { name: 'Harbourside Cafés Pty Ltd', domain: 'harbourside-cafes', region: 'au', owner: 'kenji',
    contacts: [c('Chloe Wilson', 'Owner'), c('Jack Taylor', 'Area Manager')] },
  { name: 'Koala Kids Childcare', domain: 'koala-kids', region: 'au', owner: 'kenji',
    contacts: [c('Sarah Mitchell', 'Centre Director')] },
  { name: 'Osaka Precision Tools', domain: 'osaka-precision', region: 'au', owner: 'kenji',
    contacts: [c('Daichi Nakamura', 'Purchasing'), c('Yui Kobayashi', 'Quality Assurance'), c('Ren Suzuki', 'Engineer', { email: false })] },
  { name: 'Outback Adventure Tours', domain: 'outback-tours', region: 'au', owner: 'kenji',
    contacts: [c('Liam O’Brien', 'Operations Manager'), c('Zoe Clarke', 'Bookings')] },
  { name: 'Tokyo Bay Realty', domain: 'tokyobay-realty', region: 'au', owner: 'kenji',
    contacts: [c('Kaito Watanabe', 'Broker')] },
  { name: 'Coral Coast Dive Centre', domain: 'coral-dive', region: 'au', owner: 'kenji',
    contacts: [c('Ethan Harris', 'Owner'), c('Isla Walker', 'Instructor', { phone: false })] },
  { name: 'Fuji Green Energy', domain: 'fuji-green', region: 'au', owner: 'kenji',
    contacts: [c('Haruto Ito', 'Project Director'), c('Sakura Kato', 'Finance')] },
  { name: 'Melbourne Makers Co-op', domain: 'melb-makers', region: 'au', owner: 'kenji',
    contacts: [c('Olivia Nguyen', 'Coordinator'), c('Tom Reid', null)] },
  // Lucía: Latin America (Miami offices)
  { name: 'Andes Café Exportadora', domain: 'andes-cafe', region: 'us:305', owner: 'lucia',
    contacts: [c('Mateo González', 'Gerente Comercial'), c('Valentina Rojas', 'Logística')] },
  { name: 'Pampas Agro S.A.', domain: 'pampas-agro', region: 'us:786', owner: 'lucia',
    contacts: [c('Santiago López', 'Director'), c('Camila Díaz', 'Compras')] },
  { name: 'Rio Verde Construções', domain: 'rio-verde', region: 'us:305', owner: 'lucia',
    contacts: [c('João Silva', 'Diretor de Obras'), c('Ana Souza', 'Financeiro'), c('Pedro Costa', 'Engenheiro', { email: false })] },
  { name: 'Caribe Resorts', domain: 'caribe-resorts', region: 'us:786', owner: 'lucia',
    contacts: [c('Isabella Martínez', 'Revenue Director')] },
  { name: 'Azteca Logística', domain: 'azteca-logistica', region: 'us:214', owner: 'lucia',
    contacts: [c('Diego Hernández', 'COO'), c('Fernanda Ruiz', 'Atención a Clientes')] },
  { name: 'Patagonia Outdoor Gear', domain: 'patagonia-gear', region: 'us:305', owner: 'lucia',
    contacts: [c('Martina Fernández', 'Brand Manager')] },
  { name: 'Bogotá Tech Hub', domain: 'bogota-tech', region: 'us:786', owner: 'lucia',
    contacts: [c('Andrés Castro', 'Founder'), c('Laura Gómez', 'Community Lead')] },
  { name: 'Lima Gourmet Imports', domain: 'lima-gourmet', region: 'us:305', owner: 'lucia',
    contacts: [c('Sebastián Vargas', 'Owner'), c('Paula Torres', null, { phone: false })] },
  { name: 'Porto Alegre Saúde', domain: 'poa-saude', region: 'us:786', owner: 'lucia',
    contacts: [c('Beatriz Almeida', 'Diretora Clínica'), c('Rafael Pereira', 'TI')] },
  { name: 'Cartagena Events & Travel', domain: 'cartagena-events', region: 'us:305', owner: 'lucia',
    contacts: [c('Natalia Reyes', 'Event Director'), c('Juan Pablo Ortega', 'Sales')] },
];

// ---- What the tasks say ------------------------------------------------------------------------

/** Lead task texts; `{first}` is replaced by the lead's primary contact's first name. */
export const LEAD_TASK_TEXTS: readonly string[] = [
  'Send revised proposal with 3-year pricing',
  'Follow up on pilot feedback with {first}',
  'Confirm budget owner before Q3 planning',
  'Book technical deep-dive with their IT team',
  'Share the logistics case study',
  'Check in after onboarding week 1',
  'Ask {first} for an intro to the CFO',
  'Prepare renewal deck',
  'Send contract redlines back to legal',
  'Schedule quarterly business review',
  'Confirm seat count for the expansion',
  'Reply to the security questionnaire',
  'Send W-9 and vendor onboarding form',
  'Decision expected this week: nudge {first}',
  'Invite {first} to the customer webinar',
  'Re-engage: no reply since the demo',
  'Verify billing contact and invoice address',
  'Send onboarding checklist',
  'Update opportunity stage after call',
  'Draft mutual action plan with {first}',
  'Connect with Account Manager',
  'Call {first} about the renewal',
  'Follow up on signed order form. They mentioned procurement needs a PO before the end of the month, and legal wants the DPA amended (clause 7.2, sub-processors). Loop in finance if it slips past Friday.',
];

/** Per-user lead task texts in the rep's own language, used now and then. */
export const LOCAL_LEAD_TASK_TEXTS: Readonly<Partial<Record<DemoUserKey, readonly string[]>>> = {
  jonas: ['Rückruf wegen Angebot – Preise in EUR bestätigen', 'Vertragsentwurf an {first} schicken'],
  kenji: ['見積もりを再送する', '{first}さんに導入スケジュールを確認'],
  lucia: ['Enviar propuesta revisada a {first}', 'Confirmar fecha de la demo'],
};

/** Lead tasks whose text looks like markup, so the UI's escaping is exercised. */
export const MARKUP_LEAD_TASK_TEXT = 'Fix their email signature: <img src=x onerror=alert(1)> shows as an image tag';

export interface EmailSpec {
  subject: string;
  body_preview: string;
  /** Written in this user's language, so only ever sent to them. */
  onlyFor?: DemoUserKey;
}

export const INCOMING_EMAILS: readonly EmailSpec[] = [
  { subject: 'Re: Renewal quote', body_preview: 'Thanks for sending this over. Before we sign, can you confirm whether the annual discount applies to the add-on seats too?' },
  { subject: 'Security questionnaire', body_preview: 'Hi, our IT team needs the attached questionnaire completed before we can move forward. Is Friday realistic?' },
  { subject: 'Re: Pilot results', body_preview: 'The team has been using it for two weeks now. Overall very positive, a few questions about reporting.' },
  { subject: 'Invoice #4471 - missing PO', body_preview: 'Our AP department rejected the invoice because the PO number is missing. Could you reissue it?' },
  { subject: 'Meeting next week?', body_preview: 'Would Tuesday or Wednesday afternoon work for a quick call with our operations lead?' },
  { subject: 'Question about API limits', body_preview: 'We are planning to sync about 40k records a day. Will we hit any rate limits on the Growth plan?' },
  { subject: 'Re: Contract redlines', body_preview: 'Legal is fine with most changes. Clause 7.2 still needs work; see my comments in the attached version.' },
  { subject: 'Intro: our new CFO', body_preview: 'Looping in Ben, who joined as CFO last month and will own the budget for this going forward.' },
  { subject: 'Out of office until Monday', body_preview: 'I am out of the office with limited access to email. For urgent matters, please contact Leah.' },
  { subject: 'Pricing for 200 seats', body_preview: 'We are evaluating a company-wide rollout. What would pricing look like for roughly 200 seats, billed annually?' },
  { subject: 'Re: Onboarding schedule', body_preview: 'Week of the 14th works for us. Can we split the training into two sessions for the two shifts?' },
  { subject: 'Feature request: Spanish UI', body_preview: 'Half of our team would prefer the interface in Spanish. Is that on your roadmap?' },
  { subject: 'Referral', body_preview: 'A friend at Cascade Coffee recommended you. We are a team of 12 looking to replace spreadsheets.' },
  { subject: 'Re: Re: Re: Implementation timeline', body_preview: 'Agreed. Let us lock the go-live date to the first Monday of next month and revisit if data migration slips.' },
  { subject: 'Cancelation notice', body_preview: 'Unfortunately we have decided not to renew. Happy to share feedback on a short call if useful.' },
  { onlyFor: 'jonas', subject: 'Angebot Q3', body_preview: 'Guten Tag, anbei unsere Anmerkungen zum Angebot. Können wir die Laufzeit auf 24 Monate verlängern?' },
  { onlyFor: 'kenji', subject: 'お見積もりについて', body_preview: '先日はありがとうございました。ライセンス数を30に増やした場合のお見積もりをお願いできますか。' },
  { onlyFor: 'lucia', subject: 'Propuesta comercial', body_preview: 'Hola, revisamos la propuesta con el equipo. ¿Podemos agendar una llamada el jueves para cerrar detalles?' },
];

/** An incoming email whose subject and preview look like markup. */
export const MARKUP_INCOMING_EMAIL: EmailSpec = {
  subject: 'Re: pricing <img src=x onerror=alert(1)>',
  body_preview: 'Your template shows <b>bold</b> as text and the logo is <script>alert("x")</script> broken.',
};

/** What the rep sent and got no answer to. */
export const FOLLOWUP_EMAILS: readonly EmailSpec[] = [
  { subject: 'Your Northwind proposal', body_preview: 'Hi, as promised, attached is the proposal we discussed. Happy to walk you through it.' },
  { subject: 'Following up on our demo', body_preview: 'Great talking to you on Tuesday! Here are the slides and a link to start a trial.' },
  { subject: 'I have an offer for you', body_preview: "Please respond if you're interested" },
  { subject: 'Quick question', body_preview: 'Are you still the right person to talk to about sales tooling at your company?' },
  { subject: 'Renewal coming up', body_preview: 'Your subscription renews on the 1st. Shall we review seat counts before then?' },
  { subject: 'Case study you asked for', body_preview: 'Here is how Acme Logistics cut response times by 40% in the first quarter.' },
  { subject: 'Next steps', body_preview: 'Summarizing our call: you will check budget with finance, I will send the security docs.' },
  { subject: 'Contract for signature', body_preview: 'The order form is ready for signature via the link below. Let me know if anything looks off.' },
  { subject: 'Webinar invitation: Inbox zero for sales teams', body_preview: 'Join us on Thursday at 11am for a 30-minute session on running a task-driven pipeline.' },
  { subject: 'Checking in', body_preview: 'Just checking in to see whether you had a chance to look at the pilot results.' },
];

export const SMS_TEXTS: readonly string[] = [
  'Running 10 min late, sorry!',
  'Can we move our call to 3pm?',
  'Got the contract, will sign today 👍',
  'Who should I talk to about adding 5 more seats?',
  'Thanks for the quick help earlier!',
  'Is the demo still on for tomorrow?',
  'Call me when you get a chance',
  'Yes, Thursday works',
  'We need the invoice re-sent to ap@ address pls',
  'Boss approved the budget 🎉',
  'Can you resend the login link? It expired',
  'Not interested anymore, please remove me',
  'Perfect, see you at the booth',
  'Stuck in traffic, start without me',
  'Where do I find the export button?',
];

/** Texts in the rep's own language, used now and then. */
export const LOCAL_SMS_TEXTS: Readonly<Partial<Record<DemoUserKey, readonly string[]>>> = {
  jonas: ['Danke, passt so!', 'Können wir morgen kurz telefonieren?'],
  kenji: ['了解しました。明日お電話します。'],
  lucia: ['Hola! ¿Podemos hablar mañana?', 'Perfeito, obrigado!'],
};

/** An SMS whose text looks like markup. */
export const MARKUP_SMS_TEXT = 'Can you check <b>this</b>? <script>alert("sms")</script> & reply';

export interface MediaFileSpec {
  /** The file in demo-media/. */
  file: string;
  /** Its preview in demo-media/, or null (documents have none). */
  thumb: string | null;
  /** The name the sender's phone gave it. */
  filename: string;
  contentType: string;
}

export const MEDIA_FILES: Readonly<Record<string, MediaFileSpec>> = {
  box: { file: 'mms-01.jpg', thumb: 'mms-01-thumb.jpg', filename: 'IMG_4821.jpg', contentType: 'image/jpeg' },
  receipt: { file: 'mms-02.jpg', thumb: 'mms-02-thumb.jpg', filename: 'receipt.jpg', contentType: 'image/jpeg' },
  whiteboard: { file: 'mms-03.jpg', thumb: 'mms-03-thumb.jpg', filename: 'whiteboard.jpg', contentType: 'image/jpeg' },
  chart: { file: 'mms-04.png', thumb: 'mms-04-thumb.png', filename: 'orders-chart.png', contentType: 'image/png' },
  card: { file: 'mms-05.jpg', thumb: 'mms-05-thumb.jpg', filename: 'IMG_5102.jpg', contentType: 'image/jpeg' },
  shelf: { file: 'mms-06.jpg', thumb: 'mms-06-thumb.jpg', filename: 'display.jpg', contentType: 'image/jpeg' },
  error: { file: 'mms-07.png', thumb: 'mms-07-thumb.png', filename: 'screenshot.png', contentType: 'image/png' },
  quote: { file: 'quote.pdf', thumb: null, filename: 'Quote Q-2041.pdf', contentType: 'application/pdf' },
  vcard: { file: 'contact.vcf', thumb: null, filename: 'Nnamdi Okafor.vcf', contentType: 'text/vcard' },
};

export interface MmsSpec {
  text: string;
  /** Keys of MEDIA_FILES. */
  media: readonly string[];
}

export const MMS_MESSAGES: readonly MmsSpec[] = [
  { text: 'Photos from the planning session: whiteboard, our numbers, and the display 📸', media: ['whiteboard', 'chart', 'shelf'] },
  { text: 'Delivery arrived at dock 4, box looks fine', media: ['box'] },
  { text: 'Signed quote attached', media: ['quote'] },
  { text: "Here's our practice manager's contact", media: ['vcard'] },
  { text: 'Receipt from the demo lunch, can you forward it to your finance team?', media: ['receipt'] },
  { text: 'Our orders per month, June is the forecast', media: ['chart'] },
  { text: 'Met Sofia at the conference, here is her card', media: ['card'] },
  { text: 'Display is up! Two more stores next week', media: ['shelf', 'box'] },
  { text: 'Getting this when I export, any idea?', media: ['error'] },
  { text: '', media: ['whiteboard'] },
  { text: 'Quote and the delivery photo for the PO', media: ['quote', 'box'] },
];

export interface VoicemailSpec {
  file: string;
  /** The caller's lead and contact, or null for a number we don't know. */
  leadName: string | null;
  contactName: string | null;
  /** Addressed by name to this user, so only ever assigned to them. */
  onlyFor?: DemoUserKey;
  /** What is said, for the record (and for screen-reader users, as a transcript). */
  transcript: string;
}

export const VOICEMAILS: readonly VoicemailSpec[] = [
  { file: 'voicemail-01.wav', leadName: 'Acme Logistics', contactName: 'Dana Whitfield', onlyFor: 'alex',
    transcript: "Hi Alex, this is Dana from Acme Logistics, calling about the renewal quote. We're fine on seats, but I have a question on the annual discount. Call me back when you can. Thanks!" },
  { file: 'voicemail-02.wav', leadName: 'Brightline Dental', contactName: 'Marcus Reid', onlyFor: 'alex',
    transcript: 'Hey Alex, Marcus Reid at Brightline Dental. The team loved the demo yesterday. Could you send the security questionnaire before Friday? Thanks, talk soon.' },
  { file: 'voicemail-03.wav', leadName: 'Pinecrest Hotels', contactName: 'Sofia Alvarez',
    transcript: "Hi, this is Sofia Alvarez from Pinecrest Hotels, returning your call about the pilot. I'm in meetings until three, but free after that. Bye now." },
  { file: 'voicemail-04.wav', leadName: 'Harbor Freight Partners', contactName: 'Tom Becker',
    transcript: 'Good morning, Tom Becker here from Harbor Freight Partners. Quick question about your invoice: the PO number is missing. Please give me a call back. Thank you.' },
  { file: 'voicemail-05.wav', leadName: null, contactName: null,
    transcript: "Hello, I found your number on the website. We're a team of twelve looking for a new CRM. Could someone call me back? My name is Chris. Thanks." },
  { file: 'voicemail-06.wav', leadName: 'Sakura Foods', contactName: 'Aiko Mori',
    transcript: "Hi, it's Aiko from Sakura Foods. We signed the contract this morning, I'll email it over shortly. Just wanted to say thank you!" },
  { file: 'voicemail-07.wav', leadName: 'Lotus Fintech', contactName: 'Raj Malhotra',
    transcript: "Hey, this is Raj from Lotus Fintech. We need to push Thursday's call to next week. Any time on Tuesday works for us. Cheers." },
  { file: 'voicemail-08.wav', leadName: 'Müller Maschinenbau GmbH', contactName: 'Katrin Vogel', onlyFor: 'jonas',
    transcript: 'Hallo Jonas, hier ist Katrin Vogel von Müller Maschinenbau. Können Sie mich wegen des Angebots zurückrufen? Vielen Dank!' },
];

/** Recordings of calls from numbers that belong to no contact (answered_detached_call). */
export const CALL_RECORDINGS: readonly string[] = ['recording-01.wav', 'recording-02.wav', 'recording-03.wav'];

export interface OpportunitySpec {
  note: string;
  /** Value in whole currency units; stored in cents. */
  value: number;
  period: 'one_time' | 'monthly' | 'annual';
}

export const OPPORTUNITIES: readonly OpportunitySpec[] = [
  { note: 'Annual plan, 25 seats', value: 27_000, period: 'annual' },
  { note: 'Expansion: +40 seats for the support team', value: 3_200, period: 'monthly' },
  { note: 'Pilot to full rollout', value: 48_000, period: 'annual' },
  { note: 'Renewal with 8% uplift', value: 15_120, period: 'annual' },
  { note: 'Onboarding package', value: 2_500, period: 'one_time' },
  { note: 'Premium support add-on', value: 450, period: 'monthly' },
  { note: 'Multi-year deal, legal review pending', value: 96_000, period: 'annual' },
  { note: 'Data migration services', value: 7_800, period: 'one_time' },
  { note: 'Team training, two sessions', value: 1_300, period: 'one_time' },
  { note: 'Starter plan, 5 seats', value: 250, period: 'monthly' },
];

export const OUTGOING_CALL_NOTES: readonly string[] = [
  'Call back re: contract redlines',
  'Discovery call: current tools and team size',
  'Check that onboarding went well',
  'Reference call for a prospect',
  'Confirm go-live date',
  'Walk through the renewal quote',
  'Follow up on missed call',
  'Ask about budget timing',
  'Quick check-in before the QBR',
];

/**
 * Lead task texts and call notes whose tasks the seed marks `priority: high` (Close's high / medium):
 * deadlines and money, so a demo inbox has a few high-priority tasks among the usual ones.
 */
export const HIGH_PRIORITY_TASK_TEXTS: readonly string[] = [
  'Send revised proposal with 3-year pricing',
  'Send contract redlines back to legal',
  'Reply to the security questionnaire',
  'Prepare renewal deck',
  'Rückruf wegen Angebot – Preise in EUR bestätigen',
  'Call back re: contract redlines',
  'Walk through the renewal quote',
];

// ---- Names for the large benchmark organization ------------------------------------------------

export const COMPANY_PREFIXES: readonly string[] = [
  'Blue', 'North', 'Silver', 'Granite', 'Cedar', 'Harbor', 'Summit', 'Prairie', 'Coastal', 'Maple',
  'Iron', 'Golden', 'Evergreen', 'Pioneer', 'Atlas', 'Bright', 'Clear', 'Crescent', 'Falcon', 'Juniper',
  'Lakeside', 'Metro', 'Oak', 'Pacific', 'Quarry', 'Red', 'Riverbend', 'Stone', 'Sun', 'Willow',
];
export const COMPANY_CORES: readonly string[] = [
  'Analytics', 'Logistics', 'Dental', 'Builders', 'Foods', 'Health', 'Labs', 'Media', 'Motors', 'Outfitters',
  'Partners', 'Realty', 'Robotics', 'Software', 'Solar', 'Studios', 'Supply', 'Systems', 'Travel', 'Ventures',
];
export const COMPANY_SUFFIXES: readonly string[] = ['Inc.', 'LLC', 'Group', 'Co.', 'Ltd'];
export const FIRST_NAMES: readonly string[] = [
  'Alice', 'Ben', 'Carla', 'David', 'Elena', 'Frank', 'Grace', 'Hugo', 'Ines', 'Jack', 'Kira', 'Leo',
  'Mona', 'Nate', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera', 'Will', 'Yara', 'Zane',
];
export const LAST_NAMES: readonly string[] = [
  'Abbott', 'Baker', 'Costa', 'Dunn', 'Ellis', 'Fischer', 'Garcia', 'Hale', 'Ito', 'Jensen', 'Khan',
  'Lopez', 'Moreau', 'Novak', 'Osei', 'Price', 'Rossi', 'Sato', 'Turner', 'Usman', 'Vance', 'Weiss',
];
