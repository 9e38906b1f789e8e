import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type ApiProcess, startApi } from './api-process';
import { claimsBench, type ClaimsResult } from './claims';
import { consoleSize } from './console-size';
import { BENCH_PG_SETTINGS, type BenchDatabase, captureSql, type CapturedStatement, runApiMigrations, startBenchDatabase } from './database';
import { BENCH_PASSWORD, fill, type FillResult } from './fill';
import { httpLoad, type LoadResult } from './http-load';
import { clearStatus, http, httpJson, type LatencySummary, repoRoot, round, say, sequentialLatency, step } from './lib';
import { rawLoad, type RawResult } from './raw-sql';

/*
 * `npm run bench`: its own PostgreSQL, filled with BENCH_ROWS submissions, the API in a child
 * process, then the five measurements of issue 7. The table goes to stdout, progress to stderr,
 * everything to bench/results/latest.json. Settings (environment):
 *   BENCH_ROWS         submissions (default 1,000,000; 50,000 is the quick mode)
 *   BENCH_DURATION_S   seconds of each load test (default 20; 5 below 500,000 rows)
 *   BENCH_CONNECTIONS  concurrent connections of the queue-list load (default 64)
 *   BENCH_REVIEWERS    concurrent reviewers of the get-next test (default 50)
 *   BENCH_CLAIMS       claims to make (default 20,000, at most 80% of the claimable backlog)
 *   BENCH_QUEUE_QUERY  the queue list's query string (default: open states, first page of 25, due date first)
 *   BENCH_OUT          where to write the results (default bench/results/latest.json)
 *   BENCH_HOLD=1       fill, start the API, print its address and tokens, and wait for Ctrl-C
 */

const int = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer`);
  return n;
};

const ROWS = int('BENCH_ROWS', 1_000_000);
const DURATION_S = int('BENCH_DURATION_S', ROWS >= 500_000 ? 20 : 5);
const CONNECTIONS = int('BENCH_CONNECTIONS', 64);
const REVIEWERS = int('BENCH_REVIEWERS', 50);
const CLAIMS = int('BENCH_CLAIMS', 20_000);
/** The queue as a rep works it: the region's open work, oldest due first. */
const QUEUE_QUERY =
  process.env.BENCH_QUEUE_QUERY ||
  'state=SUBMITTED&state=IN_REVIEW&state=PENDING_ITEMS&state=RETURNED&sort=dueAt&order=ASC&page=1&perPage=25';
/** The API's pool size (app.module.ts: `extra.max`); raw pg gets the same. */
const API_POOL_SIZE = 20;

const TARGETS = {
  queueP99Ms: 50,
  queueRatio: 0.5,
  claimsPerSecond: 1000,
  turnaroundMs: 200,
  loginPageGzipBytes: 250 * 1024,
};

interface QueuePage {
  path: string;
  total: number | null;
  statements: CapturedStatement[];
  explain: string[];
  api: LoadResult;
  raw: RawResult;
  ratio: number;
}

interface Skipped {
  skipped: string;
}

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => say(`cleanup: ${String(e)}`));
  })());

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearStatus();
    say(`${signal}: stopping the API and PostgreSQL`);
    void cleanup().then(() => process.exit(130));
  });
}

async function login(base: string, email: string): Promise<{ id: string; token: string }> {
  const r = await httpJson<{ accessToken: string; user: { id: string } }>(base, 'POST', '/api/auth/login', {
    body: { email, password: BENCH_PASSWORD },
  });
  return { id: r.user.id, token: r.accessToken };
}

async function explainAll(db: BenchDatabase, statements: CapturedStatement[]): Promise<string[]> {
  const client = await db.admin();
  try {
    const out: string[] = [];
    for (const s of statements) {
      if (!/^\s*(SELECT|WITH)\b/i.test(s.sql)) continue;
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
      out.push(`${s.sql}\n-- params: ${JSON.stringify(s.params)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    return out;
  } finally {
    await client.end();
  }
}

/** One queue page: the SQL the API runs for it, then the API and raw pg under the same load. */
async function queuePage(db: BenchDatabase, api: ApiProcess, token: string, path: string, label: string): Promise<QueuePage> {
  let total: number | null = null;
  const statements = await captureSql(db, async () => {
    const r = await httpJson<{ total?: number }>(api.base, 'GET', path, { token });
    total = typeof r.total === 'number' ? r.total : null;
  });
  // The session lookup is part of every authenticated request, so it stays in the raw replay too.
  const explain = await explainAll(db, statements);
  const apiResult = await httpLoad(`${label}, API`, `${api.base}${path}`, token, CONNECTIONS, DURATION_S);
  // As the API's own role, so privilege checks are the same on both sides.
  const raw = await rawLoad(`${label}, raw pg`, db.appUrl, statements, CONNECTIONS, DURATION_S, API_POOL_SIZE);
  return { path, total, statements, explain, api: apiResult, raw, ratio: round(apiResult.requestsPerSecond / raw.requestsPerSecond, 2) };
}

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${n < 10 ? round(n, 1) : Math.round(n)} ms`;
const kb = (bytes: number) => `${fmt(Math.round(bytes / 1024))} kB`;
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

async function main() {
  const t0 = Date.now();
  const repo = repoRoot();
  const out = resolve(repo, process.env.BENCH_OUT || 'bench/results/latest.json');
  say(`BENCH_ROWS=${fmt(ROWS)}, ${DURATION_S} s per load test, ${CONNECTIONS} connections, ${REVIEWERS} reviewers`);
  const loadBefore = loadavg()[0];
  // Other work on the machine skews every number: say so in the results.
  if (loadBefore > 1) say(`warning: load average ${loadBefore.toFixed(2)} before the start: other processes are busy`);

  const db = await step('start PostgreSQL', () => startBenchDatabase((line) => say(`postgres: ${line}`)));
  cleanups.push(() => db.stop());
  await step('migrate', () => runApiMigrations(repo, db.url));
  const admin = await db.admin();
  cleanups.push(() => admin.end());
  const filled: FillResult = await step(`fill ${fmt(ROWS)} submissions`, () => fill(admin, ROWS, REVIEWERS));
  say(`fill: ${JSON.stringify(filled.seconds)}; ${JSON.stringify(filled.counts)}`);

  const api = await step('start the API', () => startApi(repo, db.url, db.appUrl));
  cleanups.splice(1, 0, () => api.stop()); // before PostgreSQL stops

  const [queueRep, lead, partner] = [
    await login(api.base, filled.queueRep.email),
    await login(api.base, filled.lead.email),
    await login(api.base, filled.partner.email),
  ];
  const reviewers = await step(`log in ${REVIEWERS} reviewers`, async () => {
    const done: { id: string; token: string }[] = [];
    for (let i = 0; i < filled.reviewers.length; i += 5) {
      done.push(...(await Promise.all(filled.reviewers.slice(i, i + 5).map((r) => login(api.base, r.email)))));
    }
    return done;
  });

  if (process.env.BENCH_HOLD) {
    // For investigation: everything is up; print how to reach it and wait for Ctrl-C.
    process.stdout.write(
      `${JSON.stringify({ api: api.base, apiPid: api.pid, database: db.url, queueRep, lead, partner, reviewer: reviewers[1] }, null, 2)}\n`,
    );
    await new Promise(() => undefined);
  }

  // 1. Queue list.
  let queueList: { firstPage: QueuePage; deepPage: QueuePage } | Skipped;
  const firstPath = `/api/submissions?${QUEUE_QUERY}`;
  const routes = new Set(Object.keys((await httpJson<{ paths: object }>(api.base, 'GET', '/api/docs-json')).paths));
  if (!routes.has('/api/submissions') || !routes.has('/api/queue/next')) {
    queueList = { skipped: 'GET /api/submissions is not there yet (404)' };
    say(`queue list: skipped, ${queueList.skipped}`);
  } else {
    const firstPage = await step('queue list, first page', () => queuePage(db, api, queueRep.token, firstPath, 'queue list p1'));
    const perPage = Number(new URLSearchParams(QUEUE_QUERY).get('perPage') ?? 25);
    const deepPageNo = Math.max(2, Math.floor(((firstPage.total ?? 10_000) * 0.8) / perPage));
    const params = new URLSearchParams(QUEUE_QUERY);
    params.set('page', String(deepPageNo));
    const deepPage = await step(`queue list, page ${deepPageNo}`, () =>
      queuePage(db, api, queueRep.token, `/api/submissions?${params}`, `queue list p${deepPageNo}`),
    );
    queueList = { firstPage, deepPage };
  }

  // 4. Partner list (before get-next changes the data).
  const partnerPath = `/api/partner/submissions?groupId=${encodeURIComponent(filled.partner.groupIdPrefix)}&page=1&perPage=25`;
  const partnerStatements = await captureSql(db, () => httpJson(api.base, 'GET', partnerPath, { token: partner.token }));
  const partnerList = {
    path: partnerPath,
    firm: filled.partner.firmName,
    firmSubmissions: filled.partner.submissions,
    statements: partnerStatements,
    explain: await explainAll(db, partnerStatements),
    latency: await step('partner list', () =>
      sequentialLatency('partner list', 50, 5, () => http(api.base, 'GET', partnerPath, { token: partner.token })),
    ),
  };

  // 3. Turnaround metrics over the whole table.
  let turnaround: ({ path: string; statements: CapturedStatement[]; explain: string[]; latency: LatencySummary }) | Skipped;
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 365 * 86400_000).toISOString().slice(0, 10);
  const metricsPath = `/api/metrics/turnaround?from=${from}&to=${today}`;
  if (!routes.has('/api/metrics/turnaround')) {
    turnaround = { skipped: 'GET /api/metrics/turnaround is not there yet (404)' };
    say(`turnaround metrics: skipped, ${turnaround.skipped}`);
  } else {
    const statements = await captureSql(db, () => httpJson(api.base, 'GET', metricsPath, { token: lead.token }));
    turnaround = {
      path: metricsPath,
      statements,
      explain: await explainAll(db, statements),
      latency: await step('turnaround metrics', () =>
        sequentialLatency('turnaround metrics', 20, 3, () => http(api.base, 'GET', metricsPath, { token: lead.token })),
      ),
    };
  }

  // 2. Get-next, last: it moves submissions out of the queue.
  let getNext: ClaimsResult | Skipped;
  if (!routes.has('/api/queue/next')) {
    getNext = { skipped: 'POST /api/queue/next is not there yet (404)' };
    say(`get-next: skipped, ${getNext.skipped}`);
  } else {
    const claimable = Object.values(filled.claimableByRegion).reduce((s, n) => s + n, 0);
    const target = Math.min(CLAIMS, Math.floor(claimable * 0.8));
    getNext = await step(`get-next, ${REVIEWERS} reviewers, ${fmt(target)} claims`, () => claimsBench(api.base, admin, reviewers, target));
  }

  // 5. Console.
  const consoleResult = consoleSize(resolve(repo, 'console/dist'));

  await step('stop the API and PostgreSQL', cleanup);

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim(),
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: db.serverVersion,
    platform: `${process.platform} ${process.arch}`,
    loadAverageBefore: round(loadBefore, 2),
    loadAverageAfter: round(loadavg()[0], 2),
  };

  /* ---------- the table ---------- */
  const rows: [string, string, string, string][] = [];
  if ('skipped' in queueList) {
    rows.push(['1. Queue list', queueList.skipped, `p99 < ${TARGETS.queueP99Ms} ms, ≥ ${TARGETS.queueRatio}× raw`, 'not run']);
  } else {
    for (const [name, page] of [['first page', queueList.firstPage], ['deep page', queueList.deepPage]] as const) {
      const pageNo = new URL(page.path, 'http://x').searchParams.get('page');
      rows.push([
        `1. Queue list, ${name} (page ${pageNo}${page.total !== null ? ` of ${fmt(page.total)} rows` : ''}), API`,
        `${fmt(Math.round(page.api.requestsPerSecond))} req/s, p50 ${ms(page.api.p50)}, p99 ${ms(page.api.p99)}` +
          (page.api.non2xx || page.api.errors ? `, ${page.api.non2xx} non-2xx, ${page.api.errors} errors` : ''),
        `p99 < ${TARGETS.queueP99Ms} ms`,
        mark(page.api.p99 < TARGETS.queueP99Ms && !page.api.non2xx && !page.api.errors),
      ]);
      rows.push([
        `1. Queue list, ${name}, same SQL via raw pg`,
        `${fmt(Math.round(page.raw.requestsPerSecond))} req/s, p50 ${ms(page.raw.p50)}, p99 ${ms(page.raw.p99)}`,
        '',
        '',
      ]);
      rows.push([`1. Queue list, ${name}, API / raw`, `${page.ratio}`, `≥ ${TARGETS.queueRatio}`, mark(page.ratio >= TARGETS.queueRatio)]);
    }
  }
  if ('skipped' in getNext) {
    rows.push(['2. Get-next', getNext.skipped, `≥ ${fmt(TARGETS.claimsPerSecond)} claims/s, 0 duplicates`, 'not run']);
  } else {
    rows.push([
      `2. Get-next, ${getNext.reviewers} reviewers, ${fmt(getNext.claims)} claims`,
      `${fmt(Math.round(getNext.claimsPerSecond))} claims/s, p50 ${ms(getNext.p50)}, p99 ${ms(getNext.p99)}, ` +
        `${getNext.duplicates} duplicates, ${getNext.misassigned} misassigned` +
        (getNext.errors ? `, ${getNext.errors} errors` : ''),
      `≥ ${fmt(TARGETS.claimsPerSecond)} claims/s, 0 duplicates`,
      mark(getNext.claimsPerSecond >= TARGETS.claimsPerSecond && getNext.duplicates === 0 && getNext.misassigned === 0),
    ]);
  }
  if ('skipped' in turnaround) {
    rows.push(['3. Turnaround metrics', turnaround.skipped, `< ${TARGETS.turnaroundMs} ms`, 'not run']);
  } else {
    const l = turnaround.latency;
    rows.push([
      `3. Turnaround metrics, all regions, ${fmt(ROWS)} submissions`,
      `p50 ${ms(l.p50)}, p90 ${ms(l.p90)}, max ${ms(l.max)} (${l.count} sequential)`,
      `< ${TARGETS.turnaroundMs} ms`,
      mark(l.p90 < TARGETS.turnaroundMs),
    ]);
  }
  const pl = partnerList.latency;
  rows.push([
    `4. Partner list, firm of ${fmt(partnerList.firmSubmissions)} submissions, group ID "${filled.partner.groupIdPrefix}…"`,
    `p50 ${ms(pl.p50)}, p90 ${ms(pl.p90)}, max ${ms(pl.max)} (${pl.count} sequential)`,
    '',
    '',
  ]);
  rows.push([
    `5. Console, login page JS (${consoleResult.loginPageFiles.length} file${consoleResult.loginPageFiles.length > 1 ? 's' : ''})`,
    `${kb(consoleResult.loginPageGzipBytes)} gzipped (${kb(consoleResult.loginPageBytes)} raw)`,
    `< ${kb(TARGETS.loginPageGzipBytes)}`,
    mark(consoleResult.loginPageGzipBytes < TARGETS.loginPageGzipBytes),
  ]);
  rows.push([
    `5. Console, whole app JS (${consoleResult.appFiles} files)`,
    `${kb(consoleResult.appGzipBytes)} gzipped (${kb(consoleResult.appBytes)} raw)`,
    '',
    '',
  ]);
  const totalSeconds = round((Date.now() - t0) / 1000, 0);
  const header = ['Benchmark', 'Result', 'Target', ''];
  const table = [header, ['---', '---', '---', '---'], ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
  const caption =
    `${fmt(ROWS)} submissions, ${DURATION_S} s per load test, ${CONNECTIONS} connections; ` +
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
    `API, database and load generator on the same machine (load average ${machine.loadAverageBefore} before the run); run took ${Math.floor(totalSeconds / 60)} min ${totalSeconds % 60} s ` +
    `(fill ${Object.values(filled.seconds).reduce((s, x) => s + x, 0).toFixed(0)} s).`;

  const results = {
    ranAt: new Date().toISOString(),
    machine,
    config: { rows: ROWS, durationS: DURATION_S, connections: CONNECTIONS, reviewers: REVIEWERS, apiPoolSize: API_POOL_SIZE, postgres: BENCH_PG_SETTINGS },
    totalSeconds,
    fill: filled,
    queueList,
    getNext,
    turnaround,
    partnerList,
    console: consoleResult,
    table,
    caption,
  };
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${out}.tmp`, out);
  clearStatus();
  process.stdout.write(`\n${table}\n\n${caption}\nResults: ${out}\n`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    clearStatus();
    say(`FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await cleanup();
    process.exit(1);
  },
);
