import { Pool } from 'pg';
import type { CapturedStatement } from './database';
import { type LoadStats, round, status, summarize } from './lib';

export interface RawResult extends LoadStats {
  poolSize: number;
}

/**
 * The statements the API ran for one request, replayed through raw `pg`: `concurrency` callers
 * for `durationS`, each "request" running the statements in order, each statement on a connection
 * taken from a pool of the API's size (TypeORM takes one per query outside transactions too).
 */
export async function rawLoad(
  label: string,
  url: string,
  statements: CapturedStatement[],
  concurrency: number,
  durationS: number,
  poolSize: number,
): Promise<RawResult> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  try {
    // Open the connections first, as the API's pool already has them.
    await Promise.all(Array.from({ length: poolSize }, () => pool.query('SELECT 1')));
    for (const s of statements) await pool.query(s.sql, s.params);
    const latencies: number[] = [];
    let errors = 0;
    const t0 = Date.now();
    const end = t0 + durationS * 1000;
    const ticker = setInterval(() => {
      const s = (Date.now() - t0) / 1000;
      status(`${label}: ${Math.round(s)}/${durationS} s, ${Math.round(latencies.length / s)} req/s`);
    }, 1000);
    const worker = async () => {
      while (Date.now() < end) {
        const start = process.hrtime.bigint();
        try {
          for (const s of statements) await pool.query(s.sql, s.params);
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(ticker);
    const elapsed = (Date.now() - t0) / 1000;
    const s = summarize(latencies);
    return {
      requestsPerSecond: round(latencies.length / elapsed, 1),
      p50: s.p50,
      p90: s.p90,
      p99: s.p99,
      mean: s.mean,
      max: s.max,
      requests: latencies.length,
      errors,
      durationS: round(elapsed, 1),
      poolSize,
    };
  } finally {
    await pool.end();
  }
}
