import { afterFailedDelivery, MAX_DELIVERY_ATTEMPTS, messageIdOf, retryDelayMs, retryLater } from './delivery-policy';

const smtpError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('retryDelayMs', () => {
  it.each([
    [1, 30_000],
    [2, 120_000],
    [3, 480_000],
    [4, 1_920_000],
    [5, 3_600_000],
    [9, 3_600_000],
  ])('waits after attempt %i: %i ms', (attempts, expected) => {
    expect(retryDelayMs(attempts)).toBe(expected);
  });
});

describe('retryLater (an attempt that sent nothing, e.g. its link could not be made)', () => {
  it.each<[number, ReturnType<typeof retryLater>]>([
    [1, { retryInMs: 30_000, reason: 'database away' }],
    [4, { retryInMs: 1_920_000, reason: 'database away' }],
    [MAX_DELIVERY_ATTEMPTS - 1, { retryInMs: 3_600_000, reason: 'database away' }],
    [MAX_DELIVERY_ATTEMPTS, { failed: true, reason: `Gave up after ${MAX_DELIVERY_ATTEMPTS} attempts: database away` }],
  ])('after attempt %i: %j', (attempts, expected) => {
    expect(retryLater('database away', attempts)).toEqual(expected);
  });
});

describe('messageIdOf', () => {
  it('is stable per notification', () => {
    expect(messageIdOf('42')).toBe('<notification-42@sbo>');
    expect(messageIdOf('42')).toBe(messageIdOf('42'));
  });
});

describe('afterFailedDelivery', () => {
  it.each<[string, unknown, 'retry' | 'failed']>([
    ['a temporary SMTP refusal (421)', smtpError('Service not available', { responseCode: 421, code: 'EENVELOPE' }), 'retry'],
    ['a full mailbox (452)', smtpError('Insufficient storage', { responseCode: 452 }), 'retry'],
    ['a permanent refusal (550)', smtpError('Mailbox unavailable', { responseCode: 550 }), 'failed'],
    ['a refused connection', smtpError('connect ECONNREFUSED 127.0.0.1:25', { code: 'ECONNECTION' }), 'retry'],
    ['an unknown host', smtpError('getaddrinfo ENOTFOUND smtp.example', { code: 'EDNS' }), 'retry'],
    ['failed authentication', smtpError('Invalid login', { code: 'EAUTH' }), 'retry'],
    ['a timeout (the server may have accepted it)', smtpError('Timeout', { code: 'ETIMEDOUT' }), 'failed'],
    ['a dropped connection', smtpError('Connection closed unexpectedly', { code: 'ECONNECTION' }), 'failed'],
    ['anything else', new Error('boom'), 'failed'],
    ['a thrown non-error', 'weird', 'failed'],
  ])('%s → %s', (_, error, expected) => {
    const outcome = afterFailedDelivery(error, 1);
    expect('failed' in outcome ? 'failed' : 'retry').toBe(expected);
    expect(outcome.reason).not.toBe('');
  });

  it('retries with the backoff of the attempt made', () => {
    expect(afterFailedDelivery(smtpError('busy', { responseCode: 451 }), 2)).toEqual({ retryInMs: 120_000, reason: 'busy' });
  });

  it('gives up a temporary failure after the last attempt', () => {
    const outcome = afterFailedDelivery(smtpError('busy', { responseCode: 451 }), MAX_DELIVERY_ATTEMPTS);
    expect(outcome).toEqual({ failed: true, reason: `Gave up after ${MAX_DELIVERY_ATTEMPTS} attempts: busy` });
  });

  it('says why an unknown outcome is not retried', () => {
    const outcome = afterFailedDelivery(smtpError('Timeout', { code: 'ETIMEDOUT' }), 1);
    expect(outcome.reason).toMatch(/never sent twice/);
  });
});
