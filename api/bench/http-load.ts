import autocannon from 'autocannon';
import { type LoadStats, round, status } from './lib';

export interface LoadResult extends LoadStats {
  non2xx: number;
}

/** autocannon against one GET with a bearer token: `connections` keep-alive connections for `durationS`. */
export function httpLoad(
  label: string,
  url: string,
  token: string,
  connections: number,
  durationS: number,
): Promise<LoadResult> {
  return new Promise((resolveLoad, reject) => {
    let seconds = 0;
    let done = 0;
    const instance = autocannon(
      { url, connections, duration: durationS, timeout: 30, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
      (error, r) => {
        if (error) return reject(error);
        resolveLoad({
          requestsPerSecond: round(r.requests.total / r.duration, 1),
          p50: r.latency.p50,
          p90: r.latency.p90,
          p99: r.latency.p99,
          mean: round(r.latency.mean),
          max: r.latency.max,
          requests: r.requests.total,
          errors: r.errors,
          non2xx: r.non2xx,
          durationS: round(r.duration, 1),
        });
      },
    );
    instance.on('response', () => done++);
    instance.on('tick', () => {
      seconds++;
      status(`${label}: ${seconds}/${durationS} s, ${Math.round(done / seconds)} req/s`);
    });
  });
}
