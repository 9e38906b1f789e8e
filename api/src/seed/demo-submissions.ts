import { createHash, randomUUID } from 'node:crypto';
import type { DocumentKind, PaymentMethod, PendingItem, Region, ReviewState, SubmissionType } from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { addDays, BusinessCalendar, defaultHolidays, regionToday } from '../calendar/business-calendar';
import { dueDate } from '../submissions/turnaround';

/**
 * Demo submissions: every firm gets one in each review state (RETURNED in CA only, where
 * reps return; PENDING_ITEMS elsewhere), across the types, with census and documents once
 * submitted. Dates are relative to today, and some are past their due date for the breach views.
 *
 * So every partner sees each dashboard status (docs/product.md, "States"):
 * - OPEN: a new group ready to submit (census, signed application and, in CA, the EFT authorization)
 *   and a quote still missing its payment method, census and documents;
 * - PENDING_KP_REVIEW: two in the region's queue (one overdue) and two in review, held by the region's rep;
 * - ACTION_REQUIRED: in CA a return with instructions ending in the rep's contact, elsewhere a request
 *   for a newly signed application; everywhere a request for two items, and one referred offline;
 * - COMPLETED: an approved new group;
 * and a withdrawn quote the partner no longer sees. References follow the order they were created.
 */

interface Shape {
  state: ReviewState;
  type: SubmissionType;
  /** Days since it was submitted (null: never submitted). */
  submittedDaysAgo: number | null;
  /** Months from now of the requested effective date (first of the month). */
  effectiveInMonths: number;
  multiMarket?: boolean;
  paymentMethod?: PaymentMethod;
  assigned?: boolean;
  instructions?: (rep: Rep) => string;
  pendingItems?: PendingItem[];
  /** A draft with everything attached: only the submit is left. */
  complete?: boolean;
}

const outstanding = (kind: DocumentKind, description: string): PendingItem => ({
  kind,
  description,
  receivedAt: null,
  documentId: null,
});

interface Rep {
  id: string;
  name: string;
  email: string;
  phone: string | null;
}

const contactLine = (rep: Rep) => `Contact ${rep.name} at ${rep.email}${rep.phone ? ` or ${rep.phone}` : ''}.`;
/** Instructions as a rep's return, request or referral writes them: the text, then the rep's contact. */
const withContact = (text: string, rep: Rep) => `${text}\n\n${contactLine(rep)}`;

const SHAPES: Shape[] = [
  { state: 'DRAFT', type: 'NEW_GROUP', submittedDaysAgo: null, effectiveInMonths: 2, complete: true },
  { state: 'DRAFT', type: 'QUOTE', submittedDaysAgo: null, effectiveInMonths: 1 },
  { state: 'SUBMITTED', type: 'NEW_GROUP', submittedDaysAgo: 1, effectiveInMonths: 1 },
  // Waiting in the queue well past its due date.
  { state: 'SUBMITTED', type: 'RENEWAL', submittedDaysAgo: 9, effectiveInMonths: 1 },
  { state: 'IN_REVIEW', type: 'NEW_GROUP', submittedDaysAgo: 2, effectiveInMonths: 1, assigned: true },
  { state: 'IN_REVIEW', type: 'PURCHASE', submittedDaysAgo: 8, effectiveInMonths: 1, assigned: true },
  {
    state: 'RETURNED',
    type: 'NEW_GROUP',
    submittedDaysAgo: 4,
    effectiveInMonths: 1,
    instructions: (rep) =>
      withContact(
        'The plan selection does not match the signed application (Gold 500 vs Silver 2000). Correct the plans or upload a new signed application, then resubmit.',
        rep,
      ),
  },
  {
    state: 'PENDING_ITEMS',
    type: 'REQUOTE',
    submittedDaysAgo: 5,
    effectiveInMonths: 1,
    pendingItems: [
      outstanding('EFT_AUTHORIZATION', 'Signed EFT authorization'),
      outstanding('OTHER', 'Most recent quarterly wage report'),
    ],
    instructions: (rep) =>
      withContact('Please upload the signed EFT authorization and the most recent quarterly wage report.', rep),
  },
  { state: 'APPROVED', type: 'NEW_GROUP', submittedDaysAgo: 12, effectiveInMonths: 0 },
  {
    state: 'REFERRED_OFFLINE',
    type: 'NEW_GROUP',
    submittedDaysAgo: 6,
    effectiveInMonths: 1,
    multiMarket: true,
    instructions: (rep) =>
      withContact(
        'This group has employees in more than one market, so it must be enrolled offline. Send the enrollment package to your regional new-business team.',
        rep,
      ),
  },
  { state: 'WITHDRAWN', type: 'QUOTE', submittedDaysAgo: null, effectiveInMonths: 1 },
];

const GROUP_NAMES: Record<Region, string[]> = {
  CA: [
    'Bayview Family Dental', 'Redwood Coast Landscaping', 'Mission Street Bakery', 'Golden Gate Print Shop',
    'Sierra Vista Veterinary Clinic', 'Oakland Bike Works', 'Pacific Heights Pilates', 'Sonoma Valley Wine Bar',
    'Alameda Auto Repair', 'Castro Street Books', 'Sacramento Valley Roofing',
  ],
  CO: [
    'Front Range Brewing Co.', 'Mile High Physical Therapy', 'Boulder Creek Outfitters', 'Cherry Creek Accounting',
    'Pikes Peak Plumbing', 'Larimer Square Salon', 'Aspen Grove Architects', 'Red Rocks Coffee Roasters',
    'Colfax Avenue Diner', 'Golden Mountain Electric', 'Fort Collins Family Pharmacy',
  ],
  GA: [
    'Peachtree Pediatrics', 'Savannah River Logistics', 'Buckhead Interior Design', 'Decatur Square Hardware',
    'Chattahoochee Kayak Rentals', 'Athens Music Supply', 'Marietta Martial Arts', 'Midtown Legal Partners',
    'Macon Heating & Air', 'Ponce City Florist', 'Augusta Golf Services',
  ],
  MAS: [
    'Chesapeake Crab House', 'Annapolis Sailmakers', 'Georgetown Tutoring Center', 'Arlington Family Optometry',
    'Baltimore Harbor Movers', 'Silver Spring Yoga Studio', 'Alexandria Title Company', 'Bethesda Home Care',
    'Frederick Valley Orchards', 'Capitol Hill Copy Center', 'Rockville Tech Repair',
  ],
};

const ADDRESSES: Record<Region, { line1: string; city: string; state: string; zip: string }[]> = {
  CA: [
    { line1: '1200 Broadway', city: 'Oakland', state: 'CA', zip: '94612' },
    { line1: '455 Capitol Mall', city: 'Sacramento', state: 'CA', zip: '95814' },
  ],
  CO: [
    { line1: '1600 Champa St', city: 'Denver', state: 'CO', zip: '80202' },
    { line1: '1942 Broadway', city: 'Boulder', state: 'CO', zip: '80302' },
  ],
  GA: [
    { line1: '191 Peachtree St NE', city: 'Atlanta', state: 'GA', zip: '30303' },
    { line1: '22 Bull St', city: 'Savannah', state: 'GA', zip: '31401' },
  ],
  MAS: [
    { line1: '100 Light St', city: 'Baltimore', state: 'MD', zip: '21202' },
    { line1: '1100 Wilson Blvd', city: 'Arlington', state: 'VA', zip: '22209' },
  ],
};

const MEMBERS = [
  ['E1', 'EMPLOYEE', 'Maria', 'Lopez', '1984-03-12', 'F'],
  ['E1', 'SPOUSE', 'Daniel', 'Lopez', '1982-07-30', 'M'],
  ['E1', 'CHILD', 'Sofia', 'Lopez', '2014-05-02', 'F'],
  ['E2', 'EMPLOYEE', 'James', 'Carter', '1990-11-21', 'M'],
  ['E3', 'EMPLOYEE', 'Aisha', 'Khan', '1995-01-08', 'X'],
] as const;

/** A one-page PDF, enough for a viewer to open. */
const DEMO_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const DEMO_PDF_SHA256 = createHash('sha256').update(DEMO_PDF).digest('hex');

const REP_EMAILS: Record<Region, string> = {
  CA: 'rep.ca@example.com',
  CO: 'rep.co@example.com',
  GA: 'rep.multi@example.com',
  MAS: 'rep.multi@example.com',
};

const DAY_MS = 86_400_000;

function firstOfMonthIn(months: number, today: string): string {
  const [year, month] = today.split('-').map(Number);
  const d = new Date(Date.UTC(year, month - 1 + months, 1));
  return d.toISOString().slice(0, 10);
}

export async function seedDemoSubmissions(manager: EntityManager): Promise<void> {
  const now = new Date();
  const firms: { id: string; region: Region; creatorId: string }[] = await manager.query(`
    SELECT DISTINCT ON (f.id) f.id, f.region, u.id AS "creatorId"
    FROM firm f JOIN app_user u ON u.firm_id = f.id AND u.active
    ORDER BY f.id, u.firm_role, u.granted_by_id IS NOT NULL, u.email`);
  const reps: (Rep & { email: string })[] = await manager.query(
    `SELECT id, name, email, phone FROM app_user WHERE email = ANY($1)`,
    [[...new Set(Object.values(REP_EMAILS))]],
  );
  const year = now.getUTCFullYear();
  const calendar = new BusinessCalendar(
    [year - 1, year, year + 1].flatMap((y) => defaultHolidays(y).map((h) => h.date)),
  );

  const submissions: Record<string, unknown>[] = [];
  const censuses: Record<string, unknown>[] = [];
  const censusRows: Record<string, unknown>[] = [];
  const documents: Record<string, unknown>[] = [];

  for (const firm of firms) {
    const rep = reps.find((r) => r.email === REP_EMAILS[firm.region]);
    if (!rep) continue;
    const today = regionToday(firm.region, now);
    SHAPES.forEach((shape, index) => {
      // Outside CA reps never return: the same case waits on a new signed application instead.
      const returnedElsewhere = shape.state === 'RETURNED' && firm.region !== 'CA';
      const state = returnedElsewhere ? 'PENDING_ITEMS' : shape.state;
      const id = randomUUID();
      const submittedAt = shape.submittedDaysAgo === null ? null : new Date(now.getTime() - shape.submittedDaysAgo * DAY_MS);
      const createdAt = new Date((submittedAt ?? now).getTime() - (index % 3 + 1) * DAY_MS);
      const submittedDate = submittedAt && regionToday(firm.region, submittedAt);
      const waiting = state === 'RETURNED' || state === 'PENDING_ITEMS';
      const decided = state === 'APPROVED' || state === 'REFERRED_OFFLINE';
      const paymentMethod = shape.paymentMethod ?? 'EFT';
      const employeeCount = 3 + ((index * 7) % 40);
      submissions.push({
        id,
        firm_id: firm.id,
        created_by_id: firm.creatorId,
        submitted_by_id: submittedAt ? firm.creatorId : null,
        type: shape.type,
        channel: index % 4 === 3 ? 'API' : 'PORTAL',
        region: firm.region,
        state,
        requested_effective_date: firstOfMonthIn(shape.effectiveInMonths, today),
        payment_method: shape.state === 'DRAFT' && index === 1 ? null : paymentMethod,
        group_name: GROUP_NAMES[firm.region][index],
        group_id: shape.type === 'NEW_GROUP' && state !== 'APPROVED' ? null : String(100_000 + index * 7919 + firm.region.length * 131),
        group_tax_id: `${String(10 + index).padStart(2, '0')}-${String(4_000_000 + index * 12_345).slice(0, 7)}`,
        group_employee_count: employeeCount,
        group_multi_market: shape.multiMarket ?? false,
        group_address: ADDRESSES[firm.region][index % 2],
        plans: [{ planCode: `${firm.region}-${index % 2 ? 'SILVER-2000' : 'GOLD-500'}`, tier: index % 2 ? 'SILVER' : 'GOLD' }],
        instructions: returnedElsewhere
          ? withContact('Please upload a newly signed application matching the selected plans.', rep)
          : (shape.instructions?.(rep) ?? null),
        pending_items: returnedElsewhere
          ? [outstanding('SIGNED_APPLICATION', 'Newly signed application')]
          : (shape.pendingItems ?? []),
        assignee_id: shape.assigned ? rep.id : null,
        last_reviewer_id: waiting || decided ? rep.id : null,
        submitted_at: submittedAt?.toISOString() ?? null,
        complete_submitted_at: submittedAt?.toISOString() ?? null,
        due_date: submittedDate && dueDate(submittedDate, calendar),
        waiting_since: waiting ? addDays(today, -2) : null,
        decided_at: decided ? new Date(now.getTime() - 2 * DAY_MS).toISOString() : null,
        created_at: createdAt.toISOString(),
        updated_at: (submittedAt ?? createdAt).toISOString(),
      });
      if (!submittedAt && !shape.complete) return;

      const members = MEMBERS.slice(0, 3 + (index % 3));
      const csv = [
        'employee_id,relationship,first_name,last_name,date_of_birth,gender,zip',
        ...members.map((m) => [...m, ADDRESSES[firm.region][index % 2].zip].join(',')),
      ].join('\n');
      const employees = members.filter((m) => m[1] === 'EMPLOYEE').length;
      censuses.push({
        submission_id: id,
        file_name: 'census.csv',
        size_bytes: Buffer.byteLength(csv),
        content: Buffer.from(csv).toString('base64'),
        row_count: members.length,
        employee_count: employees,
        dependent_count: members.length - employees,
        uploaded_by_id: firm.creatorId,
        uploaded_at: createdAt.toISOString(),
      });
      members.forEach((m, i) =>
        censusRows.push({
          submission_id: id,
          row_number: i + 2,
          employee_id: m[0],
          relationship: m[1],
          first_name: m[2],
          last_name: m[3],
          date_of_birth: m[4],
          gender: m[5],
          zip: ADDRESSES[firm.region][index % 2].zip,
        }),
      );
      const kinds: DocumentKind[] = ['SIGNED_APPLICATION'];
      if (firm.region === 'CA' && paymentMethod === 'EFT' && state !== 'PENDING_ITEMS') kinds.push('EFT_AUTHORIZATION');
      for (const kind of kinds) {
        documents.push({
          submission_id: id,
          kind,
          file_name: kind === 'SIGNED_APPLICATION' ? 'signed-application.pdf' : 'eft-authorization.pdf',
          uploaded_by_id: firm.creatorId,
          uploaded_at: createdAt.toISOString(),
        });
      }
    });
  }

  // Oldest first, so the references the column's default gives follow the order they were created in.
  submissions.sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)));
  await manager.query(
    `INSERT INTO submission (id, firm_id, created_by_id, submitted_by_id, type, channel, region, state,
       requested_effective_date, payment_method, group_name, group_id, group_tax_id, group_employee_count,
       group_multi_market, group_address, plans, instructions, pending_items, assignee_id, last_reviewer_id,
       submitted_at, complete_submitted_at, due_date, waiting_since, decided_at, created_at, updated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, firm_id uuid, created_by_id uuid, submitted_by_id uuid,
       type text, channel text, region text, state text, requested_effective_date date, payment_method text,
       group_name text, group_id text, group_tax_id text, group_employee_count int, group_multi_market boolean,
       group_address jsonb, plans jsonb, instructions text, pending_items jsonb, assignee_id uuid, last_reviewer_id uuid,
       submitted_at timestamptz, complete_submitted_at timestamptz, due_date date, waiting_since date,
       decided_at timestamptz, created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(submissions)],
  );
  await manager.query(
    `INSERT INTO census (submission_id, file_name, mime_type, size_bytes, content, row_count, accepted_count,
       rejected_count, employee_count, dependent_count, uploaded_by_id, uploaded_at)
     SELECT submission_id, file_name, 'text/csv', size_bytes, decode(content, 'base64'), row_count, row_count, 0,
       employee_count, dependent_count, uploaded_by_id, uploaded_at
     FROM jsonb_to_recordset($1::jsonb) AS x(submission_id uuid, file_name text, size_bytes int, content text,
       row_count int, employee_count int, dependent_count int, uploaded_by_id uuid, uploaded_at timestamptz)`,
    [JSON.stringify(censuses)],
  );
  await manager.query(
    `INSERT INTO census_row (submission_id, row_number, employee_id, relationship, first_name, last_name, date_of_birth, gender, zip)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(submission_id uuid, row_number int, employee_id text,
       relationship text, first_name text, last_name text, date_of_birth date, gender text, zip text)`,
    [JSON.stringify(censusRows)],
  );
  await manager.query(
    `INSERT INTO document (submission_id, kind, file_name, mime_type, size_bytes, sha256, content, uploaded_by_id, uploaded_at)
     SELECT submission_id, kind, file_name, 'application/pdf', $2, $3, $4, uploaded_by_id, uploaded_at
     FROM jsonb_to_recordset($1::jsonb) AS x(submission_id uuid, kind text, file_name text, uploaded_by_id uuid, uploaded_at timestamptz)`,
    [JSON.stringify(documents), DEMO_PDF.length, DEMO_PDF_SHA256, DEMO_PDF],
  );
}
