import { isIP } from 'node:net';

export interface TrustedProxies {
  /** Addresses and CIDR ranges whose X-Forwarded-For is believed; empty trusts nobody. */
  proxies: string[];
  problems: string[];
}

function entryProblem(entry: string): string | undefined {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return `TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
    return `TRUSTED_PROXIES: "${entry}" has a prefix length outside 0-${bits}`;
  }
  return undefined;
}

/**
 * The proxies in front of the API, comma-separated (e.g. `10.0.0.0/8, 127.0.0.1`). Only a request
 * arriving from one of them may name its client in X-Forwarded-For; anyone else could claim any
 * address and slip past the per-address login throttle.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const entries = (value ?? '').split(',').map((e) => e.trim()).filter(Boolean);
  const problems = entries.map(entryProblem).filter((p): p is string => p !== undefined);
  return { proxies: problems.length ? [] : entries, problems };
}
