import { judgeLoginAttempt, type LoginVerdict } from './login-throttle';

const count = (failures: number, secondsLeft = 30) => ({ failures, secondsLeft });

describe('judgeLoginAttempt (10 per account, 50 per address)', () => {
  it.each<[string, number, number, LoginVerdict]>([
    ['the first attempt', 1, 1, { allowed: true, locksOnFailure: [] }],
    ['the account budget not yet used up', 9, 40, { allowed: true, locksOnFailure: [] }],
    ["the account budget's last place", 10, 12, { allowed: true, locksOnFailure: ['account'] }],
    ["the address budget's last place", 3, 50, { allowed: true, locksOnFailure: ['address'] }],
    ['both last places', 10, 50, { allowed: true, locksOnFailure: ['account', 'address'] }],
    ['an account past its budget', 11, 12, { allowed: false, retryAfterSeconds: 30 }],
    ['an address past its budget (other accounts)', 1, 51, { allowed: false, retryAfterSeconds: 30 }],
  ])('%s: %j', (_, account, address, verdict) => {
    expect(judgeLoginAttempt({ account: count(account), address: count(address) }, 10)).toEqual(verdict);
  });

  it.each([
    [{ account: count(11, 12.2), address: count(3, 59) }, 13],
    [{ account: count(11, 12), address: count(51, 40) }, 40],
    [{ account: count(11, 0.001), address: count(1, 59) }, 1],
    [{ account: count(11, -0.5), address: count(1, 59) }, 1],
  ])('asks a locked-out caller to retry when the longest lock ends (%j): %i s', (counts, retryAfterSeconds) => {
    expect(judgeLoginAttempt(counts, 10)).toEqual({ allowed: false, retryAfterSeconds });
  });

  it('gives an address five times the budget of an account', () => {
    expect(judgeLoginAttempt({ account: count(1), address: count(5) }, 1)).toEqual({ allowed: true, locksOnFailure: ['account', 'address'] });
    expect(judgeLoginAttempt({ account: count(1), address: count(6) }, 1)).toMatchObject({ allowed: false });
  });
});
