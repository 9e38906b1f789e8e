import type { Client } from 'pg';
import { http, round, status, summarize } from './lib';

export interface ClaimsResult {
  reviewers: number;
  target: number;
  claims: number;
  claimsPerSecond: number;
  duplicates: number;
  /** Claimed ids whose row is not IN_REVIEW with the claimant as assignee afterwards. */
  misassigned: number;
  emptyResponses: number;
  errors: number;
  errorSamples: string[];
  p50: number;
  p99: number;
  durationS: number;
}

/**
 * `reviewers` reps call POST /api/queue/next at once, each claiming again as soon as it has its
 * item, until `target` claims in all (or every reviewer's queue is empty). A claimed submission
 * handed to two reviewers is a duplicate; the database is checked afterwards too.
 */
export async function claimsBench(
  base: string,
  db: Client,
  reviewers: { id: string; token: string }[],
  target: number,
): Promise<ClaimsResult> {
  const claimedBy = new Map<string, string>();
  let duplicates = 0;
  let claims = 0;
  let started = 0;
  let empty = 0;
  let errors = 0;
  const errorSamples: string[] = [];
  const latencies: number[] = [];
  const t0 = Date.now();
  const ticker = setInterval(() => {
    const s = (Date.now() - t0) / 1000;
    status(`get-next: ${claims}/${target} claims, ${Math.round(claims / s)}/s, duplicates ${duplicates}`);
  }, 1000);
  const reviewer = async (r: { id: string; token: string }) => {
    while (started < target) {
      started++;
      const res = await http(base, 'POST', '/api/queue/next', { token: r.token, body: {} }).catch((e: Error) => ({
        status: 0,
        body: e.message,
        ms: 0,
      }));
      if (res.status === 204) {
        started--;
        empty++;
        return; // this reviewer's queue is empty
      }
      if (res.status !== 200 && res.status !== 201) {
        started--;
        errors++;
        if (errorSamples.length < 5) errorSamples.push(`${res.status}: ${res.body.slice(0, 300)}`);
        if (errors > 100) throw new Error(`get-next: too many errors, e.g. ${errorSamples.join(' | ')}`);
        continue;
      }
      latencies.push(res.ms);
      claims++;
      const id = (JSON.parse(res.body) as { id: string }).id;
      if (claimedBy.has(id)) duplicates++;
      else claimedBy.set(id, r.id);
    }
  };
  try {
    await Promise.all(reviewers.map(reviewer));
  } finally {
    clearInterval(ticker);
  }
  const elapsed = (Date.now() - t0) / 1000;
  const ids = [...claimedBy.keys()];
  const owners = ids.map((id) => claimedBy.get(id)!);
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM unnest($1::uuid[], $2::uuid[]) AS c(id, owner)
     LEFT JOIN submission s ON s.id = c.id
     WHERE s.id IS NULL OR s.state <> 'IN_REVIEW' OR s.assignee_id IS DISTINCT FROM c.owner`,
    [ids, owners],
  );
  const s = summarize(latencies);
  return {
    reviewers: reviewers.length,
    target,
    claims,
    claimsPerSecond: round(claims / elapsed, 1),
    duplicates,
    misassigned: Number(rows[0].n),
    emptyResponses: empty,
    errors,
    errorSamples,
    p50: s.p50,
    p99: s.p99,
    durationS: round(elapsed, 1),
  };
}
