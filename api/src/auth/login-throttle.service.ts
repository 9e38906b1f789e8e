import { Inject, Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { judgeLoginAttempt, LOGIN_WINDOW_SECONDS, type LockScope, type LoginVerdict } from './login-throttle';

/** An attempt counted against its account and address, until it is given back. */
export interface LoginAttempt {
  verdict: LoginVerdict;
  /** Each counter's key and the window the attempt was counted in, account first. */
  counted: { key: string; windowStart: string }[];
}

const keyOf: Record<LockScope, (value: string) => string> = {
  account: (email) => `account:${email}`,
  address: (ip) => `address:${ip}`,
};

/** Failed logins counted in PostgreSQL, so every API instance on the database throttles as one. */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectEntityManager() private readonly db: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts the attempt in one statement: a window older than a minute starts over, and up to a
   * hundred other finished windows are deleted on the way (never waiting for a row another login
   * holds). Rows are always locked account first, so concurrent logins cannot deadlock.
   */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const keys = [keyOf.account(email), keyOf.address(address)];
    const rows: { key: string; windowStart: Date; failures: number; secondsLeft: number }[] = await this.db.query(
      `WITH finished AS (
         DELETE FROM login_failure WHERE key IN (
           SELECT key FROM login_failure
            WHERE window_start <= now() - make_interval(secs => $2) AND key <> ALL ($1::text[])
            LIMIT 100 FOR UPDATE SKIP LOCKED)
       )
       INSERT INTO login_failure AS f (key, window_start, failures)
       SELECT key, date_trunc('milliseconds', now()), 1 FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY n
       ON CONFLICT (key) DO UPDATE SET
         window_start = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN excluded.window_start ELSE f.window_start END,
         failures = CASE WHEN f.window_start <= now() - make_interval(secs => $2) THEN 1 ELSE f.failures + 1 END
       RETURNING key, window_start AS "windowStart", failures,
         extract(epoch FROM window_start + make_interval(secs => $2) - now())::float8 AS "secondsLeft"`,
      [keys, LOGIN_WINDOW_SECONDS],
    );
    const counted = keys.map((key) => rows.find((r) => r.key === key)!);
    return {
      verdict: judgeLoginAttempt({ account: counted[0], address: counted[1] }, this.config.loginAttemptsPerMinute),
      counted: counted.map((r) => ({ key: r.key, windowStart: r.windowStart.toISOString() })),
    };
  }

  /** A success, a refusal or an error gives the attempt's place back: only failures use the budget up. */
  async giveBack(attempt: LoginAttempt): Promise<void> {
    // One row per statement, so a give-back never holds one counter while waiting for another.
    for (const { key, windowStart } of attempt.counted) {
      await this.db.query(
        `UPDATE login_failure SET failures = failures - 1 WHERE key = $1 AND window_start = $2 AND failures > 0`,
        [key, windowStart],
      );
    }
  }
}
