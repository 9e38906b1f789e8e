/** Failed logins are counted per account and per address over a window of this length. */
export const LOGIN_WINDOW_SECONDS = 60;

/** An address serves many people (an office behind one NAT): it gets this many times an account's budget. */
export const ADDRESS_BUDGET_FACTOR = 5;

export type LockScope = 'account' | 'address';

/** One counter's window, this attempt already counted in it. */
export interface WindowCount {
  failures: number;
  secondsLeft: number;
}

export type LoginVerdict =
  /** `locksOnFailure`: the budgets this attempt uses up, so that failing it locks them (audited once). */
  | { allowed: true; locksOnFailure: LockScope[] }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Whether a login attempt may check its password. Each attempt takes a place in its account's and
 * its address's budget before the check (so parallel guesses cannot overshoot), and a success or a
 * refusal gives it back: only failures use the budget up. Past it, the attempt is refused until the
 * window that started with the first failure ends, even with the right password.
 */
export function judgeLoginAttempt(
  counts: Record<LockScope, WindowCount>,
  attemptsPerMinute: number,
): LoginVerdict {
  const budget: Record<LockScope, number> = {
    account: attemptsPerMinute,
    address: attemptsPerMinute * ADDRESS_BUDGET_FACTOR,
  };
  const scopes: LockScope[] = ['account', 'address'];
  const over = scopes.filter((scope) => counts[scope].failures > budget[scope]);
  if (over.length) {
    const secondsLeft = Math.max(...over.map((scope) => counts[scope].secondsLeft));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(secondsLeft)) };
  }
  return { allowed: true, locksOnFailure: scopes.filter((scope) => counts[scope].failures === budget[scope]) };
}
