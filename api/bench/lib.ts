import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

/** The repository root: the first folder up from here whose package.json declares workspaces. */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = resolve(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { workspaces?: unknown }).workspaces) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('Cannot find the repository root (a package.json with workspaces)');
    dir = up;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

export interface LatencySummary {
  count: number;
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** What a load run measured: throughput, latencies in ms (p50 to max) and the requests that failed. */
export interface LoadStats extends Omit<LatencySummary, 'count'> {
  requestsPerSecond: number;
  requests: number;
  errors: number;
  durationS: number;
}

export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    count: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/* ---------- progress on stderr ---------- */

const started = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
let statusShown = false;

/** A finished step: one line on stderr. */
export function say(line: string): void {
  clearStatus();
  process.stderr.write(`[bench ${clock()}] ${line}\n`);
}

/** A live status line (rewritten in place on a terminal, every few seconds otherwise). */
let lastPlainStatus = 0;
export function status(line: string): void {
  if (process.stderr.isTTY) {
    process.stderr.write(`\r\x1b[2K[bench ${clock()}] ${line}`);
    statusShown = true;
  } else if (Date.now() - lastPlainStatus > 5000) {
    lastPlainStatus = Date.now();
    process.stderr.write(`[bench ${clock()}]   … ${line}\n`);
  }
}

export function clearStatus(): void {
  if (statusShown) process.stderr.write('\r\x1b[2K');
  statusShown = false;
}

/** Runs a step with a ticking timer on the status line. */
export async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  const timer = setInterval(() => status(`${label} (${Math.round((Date.now() - t0) / 1000)} s)`), 1000);
  try {
    const result = await work();
    say(`${label}: done in ${round((Date.now() - t0) / 1000, 1)} s`);
    return result;
  } finally {
    clearInterval(timer);
  }
}

/* ---------- a small HTTP client (keep-alive) ---------- */

export const agent = new Agent({ keepAlive: true, maxSockets: 256 });

export interface HttpResponse {
  status: number;
  body: string;
  ms: number;
}

export function http(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<HttpResponse> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  return new Promise((resolveResponse, reject) => {
    const t0 = process.hrtime.bigint();
    const req = httpRequest(url, { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolveResponse({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: Number(process.hrtime.bigint() - t0) / 1e6,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload !== undefined) req.end(payload);
    else req.end();
  });
}

export async function httpJson<T>(base: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const res = await http(base, method, path, options);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${res.body.slice(0, 500)}`);
  return JSON.parse(res.body) as T;
}

/** Sequential latency of one request: `warmup` unmeasured calls, then `count` measured ones. */
export async function sequentialLatency(
  label: string,
  count: number,
  warmup: number,
  call: () => Promise<HttpResponse>,
): Promise<LatencySummary & { status: number; bodyBytes: number }> {
  let last: HttpResponse | undefined;
  for (let i = 0; i < warmup; i++) last = await call();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    last = await call();
    if (last.status >= 300) throw new Error(`${label}: HTTP ${last.status}: ${last.body.slice(0, 500)}`);
    samples.push(last.ms);
    status(`${label}: ${i + 1}/${count}`);
  }
  return { ...summarize(samples), status: last?.status ?? 0, bodyBytes: Buffer.byteLength(last?.body ?? '') };
}
