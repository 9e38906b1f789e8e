import type { Client } from 'pg';
import * as argon2 from 'argon2';
import { round, status } from './lib';

export const BENCH_PASSWORD = 'bench1234';
export const REGIONS = ['CA', 'CO', 'GA', 'MAS'] as const;
/** Share of submissions per region (CA is the biggest market). */
const REGION_SHARE = { CA: 0.35, CO: 0.25, GA: 0.2, MAS: 0.2 };
const FIRMS_PER_REGION = 250;
/** Each reviewer works one region; a region gets reviewers in proportion to its submissions. */
export function reviewerRegions(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    // Spread by cumulative share so any count keeps the proportions.
    const x = (i + 0.5) / count;
    out.push(x < 0.35 ? 'CA' : x < 0.6 ? 'CO' : x < 0.8 ? 'GA' : 'MAS');
  }
  return out;
}

export interface FillResult {
  rows: number;
  counts: Record<string, number>;
  claimableByRegion: Record<string, number>;
  reviewers: { email: string; region: string }[];
  queueRep: { email: string; region: string };
  lead: { email: string };
  partner: { email: string; firmName: string; submissions: number; groupIdPrefix: string };
  seconds: Record<string, number>;
}

/**
 * Fills the database in a few set-based statements (INSERT … SELECT over generate_series; random()
 * seeded so every run builds the same data). Non-constraint indexes of the big tables are dropped
 * first and rebuilt afterwards, as one would for a bulk load; then VACUUM ANALYZE.
 *
 * Shape, per 1,000,000 submissions over about two years: 80% approved, 4% referred offline, 5.3%
 * withdrawn, 3% partner drafts, and an open backlog of 4.5% submitted (unassigned), 1.5% in review,
 * 1.2% pending items and 0.5% returned (CA only). Census rows for 10% of the submitted ones (2–15
 * members each), about 3.8 audit events per submission.
 */
export async function fill(client: Client, rows: number, reviewerCount: number): Promise<FillResult> {
  const seconds: Record<string, number> = {};
  const timed = async (label: string, work: () => Promise<unknown>) => {
    const t0 = Date.now();
    await work();
    seconds[label] = round((Date.now() - t0) / 1000, 1);
  };
  // Not measured: the load itself needn't wait for each commit's WAL flush.
  await client.query(`SET synchronous_commit = off`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SELECT setseed(0.42)`);

  const bigTables = ['submission', 'audit_event', 'census_row', 'census_row_error', 'census'];
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [bigTables],
  );
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);

  const passwordHash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id }); // as src/accounts/password.ts
  const reviewers = reviewerRegions(reviewerCount).map((region, i) => ({
    email: `rep-${String(i + 1).padStart(3, '0')}@bench.example.com`,
    region,
  }));

  await timed('firmsAndUsers', async () => {
    status('fill: firms and users');
    await client.query(
      `INSERT INTO firm (name, tax_id, kind, region)
       SELECT r.region || ' Agency ' || i, 'BT-' || r.region || '-' || lpad(i::text, 5, '0'),
              CASE WHEN i % 5 = 0 THEN 'GENERAL_AGENCY' ELSE 'BROKER_AGENCY' END, r.region
       FROM unnest($1::text[]) AS r(region) CROSS JOIN generate_series(0, $2 - 1) AS i`,
      [REGIONS, FIRMS_PER_REGION],
    );
    // One administrator (GA) or broker per firm: the partner who lists the firm's submissions.
    await client.query(
      `INSERT INTO app_user (email, name, password_hash, roles, firm_id, firm_role)
       SELECT 'partner-' || lower(f.region) || '-' || split_part(f.name, ' ', 3) || '@bench.example.com',
              'Partner of ' || f.name, $1,
              CASE f.kind WHEN 'GENERAL_AGENCY' THEN ARRAY['ga_admin'] ELSE ARRAY['broker'] END,
              f.id, CASE f.kind WHEN 'GENERAL_AGENCY' THEN 'ADMIN' ELSE NULL END
       FROM firm f WHERE f.tax_id LIKE 'BT-%'`,
      [passwordHash],
    );
    await client.query(
      `INSERT INTO app_user (email, name, password_hash, roles, regions)
       SELECT e.email, 'Bench reviewer ' || e.ord, $1, ARRAY['rep'], ARRAY[e.region]
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS e(email, region, ord)`,
      [passwordHash, reviewers.map((r) => r.email), reviewers.map((r) => r.region)],
    );
    await client.query(
      `INSERT INTO app_user (email, name, password_hash, roles, regions)
       VALUES ('lead@bench.example.com', 'Bench lead', $1, ARRAY['lead'], ARRAY['CA', 'CO', 'GA', 'MAS'])`,
      [passwordHash],
    );
    // Lookup tables for the big insert: firms by (region, index) and reviewers by (region, slot).
    await client.query(`DROP TABLE IF EXISTS bench_firm, bench_rep_slot`);
    await client.query(
      `CREATE TABLE bench_firm AS
       SELECT f.region, split_part(f.name, ' ', 3)::int AS idx, f.id, u.id AS user_id
       FROM firm f JOIN app_user u ON u.firm_id = f.id WHERE f.tax_id LIKE 'BT-%'`,
    );
    await client.query(
      `CREATE TABLE bench_rep_slot AS
       SELECT r.region, s.slot, r.ids[1 + s.slot % cardinality(r.ids)] AS id
       FROM (SELECT regions[1] AS region, array_agg(id ORDER BY email) AS ids
             FROM app_user WHERE email LIKE 'rep-%@bench.example.com' GROUP BY regions[1]) r
       CROSS JOIN generate_series(0, 59) AS s(slot)`,
    );
    await client.query(`ANALYZE bench_firm; ANALYZE bench_rep_slot`);
  });

  await timed('submissions', async () => {
    const chunk = 200_000;
    for (let from = 1; from <= rows; from += chunk) {
      const to = Math.min(rows, from + chunk - 1);
      status(`fill: submissions ${from - 1}/${rows}`);
      await client.query(SUBMISSIONS_SQL, [from, to, FIRMS_PER_REGION]);
    }
  });

  await timed('census', async () => {
    status('fill: census');
    await client.query(`
      INSERT INTO census (submission_id, file_name, mime_type, size_bytes, content, row_count, accepted_count,
                          rejected_count, employee_count, dependent_count, uploaded_by_id, uploaded_at)
      SELECT s.id, 'census.csv', 'text/csv', 64 * k, convert_to(repeat('E1,EMPLOYEE,Ann,Lee,1980-01-02,F,80202' || chr(10), k), 'UTF8'),
             k, k - (k = 15)::int, (k = 15)::int, greatest(1, k * 2 / 3), k - greatest(1, k * 2 / 3),
             s.created_by_id, s.submitted_at - interval '1 hour'
      FROM (SELECT s.*, 2 + (abs(hashtext(s.id::text)) % 14) AS k FROM submission s
            WHERE s.submitted_at IS NOT NULL AND random() < 0.1) s`);
    status('fill: census rows');
    await client.query(`
      INSERT INTO census_row (submission_id, row_number, employee_id, relationship, first_name, last_name, date_of_birth, gender, zip)
      SELECT c.submission_id, i, 'E' || (1 + i / 3),
             CASE WHEN i % 3 = 1 THEN 'EMPLOYEE' WHEN i % 3 = 2 THEN 'SPOUSE' ELSE 'CHILD' END,
             (ARRAY['Ann','Ben','Cy','Dee','Eli','Fay','Gus','Hal','Ivy','Jo'])[1 + i % 10],
             (ARRAY['Lee','Diaz','Khan','Smith','Nguyen','Brown','Lopez','Cohen'])[1 + (i + c.row_count) % 8],
             date '1960-01-01' + ((i * 7919 + c.row_count * 104729) % 20000),
             (ARRAY['F','M','X'])[1 + i % 3], '80202'
      FROM census c CROSS JOIN LATERAL generate_series(1, c.accepted_count) AS i`);
    await client.query(`
      INSERT INTO census_row_error (submission_id, row_number, column_name, message)
      SELECT submission_id, row_count, 'date_of_birth', 'date_of_birth must be a date (YYYY-MM-DD)'
      FROM census WHERE rejected_count > 0`);
  });

  await timed('auditEvents', async () => {
    for (const region of REGIONS) {
      status(`fill: audit events (${region})`);
      await client.query(AUDIT_SQL, [region]);
    }
  });

  await timed('indexes', async () => {
    for (const ix of indexes) {
      status(`fill: index ${ix.name}`);
      await client.query(ix.def);
    }
  });

  await timed('vacuumAnalyze', async () => {
    await client.query(`DROP TABLE bench_firm, bench_rep_slot`);
    status('fill: VACUUM ANALYZE');
    await client.query(`VACUUM (ANALYZE) submission, audit_event, census, census_row, census_row_error, app_user, firm`);
    await client.query(`ANALYZE`);
  });

  const { rows: stateRows } = await client.query<{ state: string; n: string }>(
    `SELECT state, count(*) AS n FROM submission GROUP BY state ORDER BY state`,
  );
  const counts: Record<string, number> = Object.fromEntries(stateRows.map((r) => [`submission.${r.state}`, Number(r.n)]));
  for (const table of ['submission', 'audit_event', 'census', 'census_row', 'app_user', 'firm']) {
    const { rows: c } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(c[0].n);
  }
  const { rows: claimable } = await client.query<{ region: string; n: string }>(
    `SELECT region, count(*) AS n FROM submission WHERE state = 'SUBMITTED' AND assignee_id IS NULL GROUP BY region`,
  );
  // The partner: the busiest firm, whose list is the longest to search.
  const { rows: partnerRows } = await client.query<{ email: string; name: string; n: string; gid: string }>(
    `SELECT u.email, f.name, s.n, s.gid FROM (
       SELECT firm_id, count(*) AS n, left(min(group_id), 5) AS gid FROM submission GROUP BY firm_id ORDER BY count(*) DESC LIMIT 1
     ) s JOIN firm f ON f.id = s.firm_id JOIN app_user u ON u.firm_id = f.id`,
  );
  return {
    rows,
    counts,
    claimableByRegion: Object.fromEntries(claimable.map((r) => [r.region, Number(r.n)])),
    reviewers,
    queueRep: reviewers[0],
    lead: { email: 'lead@bench.example.com' },
    partner: {
      email: partnerRows[0].email,
      firmName: partnerRows[0].name,
      submissions: Number(partnerRows[0].n),
      groupIdPrefix: partnerRows[0].gid,
    },
    seconds,
  };
}

/*
 * One chunk of submissions ($1..$2). The innermost select draws the random numbers once per row
 * (OFFSET 0 keeps the planner from inlining it and drawing them again); the outer ones derive
 * region, state, dates, firm and reviewer from them.
 */
const SUBMISSIONS_SQL = `
INSERT INTO submission (
  version, firm_id, created_by_id, submitted_by_id, type, channel, region, state, requested_effective_date,
  payment_method, group_name, group_id, group_tax_id, group_employee_count, group_multi_market,
  group_guaranteed_availability, group_address, plans, instructions, pending_items, assignee_id, last_reviewer_id,
  submitted_at, complete_submitted_at, due_date, paused_business_days, waiting_since, decided_at, created_at, updated_at)
SELECT
  1 + (x.state NOT IN ('DRAFT'))::int + (x.state NOT IN ('DRAFT', 'SUBMITTED'))::int,
  f.id, f.user_id, CASE WHEN x.submitted_at IS NOT NULL THEN f.user_id END,
  x.type, x.channel, x.region, x.state,
  date_trunc('month', coalesce(x.submitted_at, x.created_at) + interval '45 days')::date,
  CASE WHEN x.region = 'CA' OR x.r_misc < 0.8 THEN 'EFT' ELSE 'CHECK_COPY' END,
  (ARRAY['Acme','Blue Ridge','Cedar','Delta','Evergreen','Fairview','Granite','Harbor','Ironwood','Juniper',
         'Keystone','Lakeside','Maple','Northstar','Oak Hill','Pinecrest','Quarry','Riverside','Summit','Timberline'])[1 + x.n % 20]
    || ' ' ||
  (ARRAY['Bakery','Dental','Landscaping','Print Shop','Veterinary','Bike Works','Pilates','Auto Repair','Books','Roofing',
         'Brewing','Physical Therapy','Outfitters','Accounting','Plumbing','Salon','Architects','Coffee','Diner','Electric'])[1 + (x.n / 20) % 20]
    || ' ' || x.n,
  CASE WHEN x.type IN ('RENEWAL', 'REQUOTE', 'PURCHASE') OR x.state = 'APPROVED'
       THEN 'G' || lpad(((x.n::bigint * 7919) % 300000)::text, 7, '0') END,
  lpad((x.n % 100)::text, 2, '0') || '-' || lpad((x.n % 10000000)::text, 7, '0'),
  2 + floor(x.r_misc * x.r_misc * 98)::int,
  false, x.r_misc > 0.97,
  jsonb_build_object('line1', (x.n % 9000 + 100) || ' Main St', 'city', 'Springfield',
                     'state', CASE x.region WHEN 'MAS' THEN 'MD' ELSE x.region END, 'zip', '80202'),
  jsonb_build_array(jsonb_build_object('planCode', x.region || '-GOLD-500', 'tier', 'GOLD')),
  CASE WHEN x.state IN ('RETURNED', 'PENDING_ITEMS') THEN 'Please upload the signed EFT authorization. Contact your representative.' END,
  CASE WHEN x.state = 'PENDING_ITEMS' THEN '["Signed EFT authorization"]'::jsonb ELSE '[]'::jsonb END,
  CASE WHEN x.state IN ('IN_REVIEW', 'PENDING_ITEMS', 'RETURNED') THEN rep.id END,
  CASE WHEN x.state IN ('PENDING_ITEMS', 'RETURNED', 'APPROVED', 'REFERRED_OFFLINE') THEN rep.id END,
  x.submitted_at, x.submitted_at,
  CASE WHEN x.submitted_at IS NOT NULL THEN x.submitted_at::date
    + CASE extract(dow FROM x.submitted_at::date) WHEN 3 THEN 5 WHEN 4 THEN 5 WHEN 5 THEN 5 WHEN 6 THEN 4 ELSE 3 END END,
  0,
  CASE WHEN x.state IN ('RETURNED', 'PENDING_ITEMS') THEN (x.submitted_at + interval '2 days')::date END,
  CASE WHEN x.state IN ('APPROVED', 'REFERRED_OFFLINE')
       THEN x.submitted_at + make_interval(hours => 4 + floor(x.r_dec * x.r_dec * 168)::int) END,
  x.created_at,
  greatest(x.created_at, x.submitted_at)
FROM (
  SELECT y.*,
    CASE
      WHEN y.state = 'DRAFT' THEN NULL
      WHEN y.state = 'WITHDRAWN' AND y.r_misc < 0.5 THEN NULL
      WHEN y.state = 'SUBMITTED' THEN now() - make_interval(secs => y.r_age * y.r_age * 20 * 86400)
      WHEN y.state = 'IN_REVIEW' THEN now() - make_interval(secs => y.r_age * 10 * 86400)
      WHEN y.state IN ('PENDING_ITEMS', 'RETURNED') THEN now() - make_interval(secs => (3 + y.r_age * 25) * 86400)
      ELSE now() - make_interval(secs => (5 + y.r_age * 725) * 86400)
    END AS submitted_at,
    CASE
      WHEN y.state = 'DRAFT' THEN now() - make_interval(secs => y.r_age * 60 * 86400)
      WHEN y.state = 'SUBMITTED' THEN now() - make_interval(secs => (y.r_age * y.r_age * 20 + y.r_dec * 2) * 86400)
      WHEN y.state = 'IN_REVIEW' THEN now() - make_interval(secs => (y.r_age * 10 + y.r_dec * 2) * 86400)
      WHEN y.state IN ('PENDING_ITEMS', 'RETURNED') THEN now() - make_interval(secs => (3 + y.r_age * 25 + y.r_dec * 2) * 86400)
      ELSE now() - make_interval(secs => (5 + y.r_age * 725 + y.r_dec * 2) * 86400)
    END AS created_at
  FROM (
    SELECT g.*,
      CASE WHEN g.r_region < 0.35 THEN 'CA' WHEN g.r_region < 0.60 THEN 'CO' WHEN g.r_region < 0.80 THEN 'GA' ELSE 'MAS' END AS region,
      CASE
        WHEN g.r_state < 0.030 THEN 'DRAFT'
        WHEN g.r_state < 0.075 THEN 'SUBMITTED'
        WHEN g.r_state < 0.090 THEN 'IN_REVIEW'
        WHEN g.r_state < 0.102 THEN 'PENDING_ITEMS'
        WHEN g.r_state < 0.107 THEN CASE WHEN g.r_region < 0.35 THEN 'RETURNED' ELSE 'PENDING_ITEMS' END
        WHEN g.r_state < 0.907 THEN 'APPROVED'
        WHEN g.r_state < 0.947 THEN 'REFERRED_OFFLINE'
        ELSE 'WITHDRAWN'
      END AS state,
      CASE WHEN g.r_type < 0.30 THEN 'NEW_GROUP' WHEN g.r_type < 0.55 THEN 'QUOTE' WHEN g.r_type < 0.70 THEN 'REQUOTE'
           WHEN g.r_type < 0.90 THEN 'RENEWAL' ELSE 'PURCHASE' END AS type,
      CASE WHEN g.r_state < 0.030 OR g.r_chan < 0.70 THEN 'PORTAL' WHEN g.r_chan < 0.85 THEN 'API'
           WHEN g.r_chan < 0.95 THEN 'EMAIL' ELSE 'OFFLINE' END AS channel,
      -- Skewed: a few big agencies send most of the work.
      floor($3 * g.r_firm * g.r_firm)::int AS firm_idx
    FROM (
      SELECT n, random() AS r_region, random() AS r_state, random() AS r_type, random() AS r_chan,
             random() AS r_age, random() AS r_firm, random() AS r_misc, random() AS r_dec
      FROM generate_series($1::int, $2::int) AS n
      OFFSET 0
    ) g
  ) y
) x
JOIN bench_firm f ON f.region = x.region AND f.idx = x.firm_idx
JOIN bench_rep_slot rep ON rep.region = x.region AND rep.slot = x.n % 60`;

/* A submission's trail: created, submitted, claimed, and the decision or request that followed. */
const AUDIT_SQL = `
INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, region, firm_id, before, after)
SELECT e.at, e.actor, e.action, 'Submission', s.id::text, s.region, s.firm_id, e.before, e.after
FROM submission s
CROSS JOIN LATERAL (VALUES
  (s.created_at, s.created_by_id, 'submission.created', NULL::jsonb,
   jsonb_build_object('type', s.type, 'channel', s.channel, 'region', s.region, 'state', 'DRAFT')),
  (s.submitted_at, s.submitted_by_id, 'submission.submitted', '{"state":"DRAFT"}'::jsonb, '{"state":"SUBMITTED"}'::jsonb),
  (CASE WHEN s.state NOT IN ('DRAFT', 'SUBMITTED', 'WITHDRAWN') THEN s.submitted_at + interval '3 hours' END,
   coalesce(s.assignee_id, s.last_reviewer_id), 'submission.claimed', '{"state":"SUBMITTED"}'::jsonb,
   jsonb_build_object('state', 'IN_REVIEW', 'assigneeId', coalesce(s.assignee_id, s.last_reviewer_id))),
  (CASE WHEN s.state IN ('APPROVED', 'REFERRED_OFFLINE') THEN s.decided_at
        WHEN s.state IN ('PENDING_ITEMS', 'RETURNED') THEN s.submitted_at + interval '1 day'
        WHEN s.state = 'WITHDRAWN' THEN coalesce(s.submitted_at, s.created_at) + interval '1 day' END,
   CASE WHEN s.state = 'WITHDRAWN' THEN s.created_by_id ELSE s.last_reviewer_id END,
   CASE s.state WHEN 'APPROVED' THEN 'submission.approved' WHEN 'REFERRED_OFFLINE' THEN 'submission.referred_offline'
                WHEN 'PENDING_ITEMS' THEN 'submission.items_requested' WHEN 'RETURNED' THEN 'submission.returned'
                ELSE 'submission.withdrawn' END,
   '{"state":"IN_REVIEW"}'::jsonb, jsonb_build_object('state', s.state))
) AS e(at, actor, action, before, after)
WHERE s.region = $1 AND e.at IS NOT NULL`;
