import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, http, sleep } from './lib';

export interface ApiProcess {
  base: string;
  pid: number;
  stop(): Promise<void>;
  /** The last lines the API wrote (for error reports). */
  output(): string;
}

/**
 * The API in its own process (so the load generator and the server don't share an event loop),
 * in production shape: NODE_ENV=production, logged in as the application role, warn-level logging,
 * the mail outbox poller all but off.
 * Login throttling is raised: the benchmark logs in its reviewers in a burst from one address.
 */
export async function startApi(repo: string, databaseUrl: string, databaseAppUrl: string): Promise<ApiProcess> {
  const main = resolve(repo, 'api/dist/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build -w api\` first (root \`npm run bench\` does)`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: resolve(repo, 'api'),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATABASE_APP_URL: databaseAppUrl,
      // Production refuses known secrets: a fresh one per run.
      JWT_SECRET: randomBytes(48).toString('base64'),
      JWT_TTL_SECONDS: '3600',
      LOG_LEVEL: 'warn',
      NOTIFICATION_POLL_MS: '3600000',
      LOGIN_ATTEMPTS_PER_MINUTE: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    await Promise.race([exit, sleep(10_000)]);
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`The API exited at start:\n${tail}`);
    try {
      const res = await http(base, 'GET', '/api/health');
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not become healthy in 90 s:\n${tail}`);
    }
    await sleep(250);
  }
  return { base, pid: child.pid ?? 0, stop, output: () => tail };
}
