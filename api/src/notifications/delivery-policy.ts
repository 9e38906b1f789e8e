/**
 * What the notification worker does after each delivery attempt, as plain functions.
 * The rule that matters: an email is retried only when the mail server certainly did not take it.
 */

/** Attempts before a notification that keeps failing temporarily is given up. */
export const MAX_DELIVERY_ATTEMPTS = 6;

/** How long a worker's claim on a notification holds; longer than the transport's own timeouts allow a send to take. */
export const SEND_LEASE_MS = 10 * 60_000;

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 60 * 60_000;

/** Wait after the `attempts`-th failed attempt: 30 s, 2 min, 8 min, 32 min, then hourly. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1));
}

/** The same for every attempt, so a mail server or mailbox can recognise a duplicate. */
export const messageIdOf = (notificationId: string) => `<notification-${notificationId}@sbo>`;

export type DeliveryOutcome = { retryInMs: number; reason: string } | { failed: true; reason: string };

/** After an attempt that certainly sent nothing: again later with backoff, until the last attempt. */
export function retryLater(reason: string, attempts: number): DeliveryOutcome {
  return attempts >= MAX_DELIVERY_ATTEMPTS
    ? { failed: true, reason: `Gave up after ${attempts} attempts: ${reason}` }
    : { retryInMs: retryDelayMs(attempts), reason };
}

/** The record an email's link is for can no longer be used: the email would only mislead, so it is not sent. */
export const LINK_NO_LONGER_USABLE: DeliveryOutcome = {
  failed: true,
  reason: 'Not sent: what its link is for can no longer be used (accepted, withdrawn or expired), so no link was made.',
};

/** The connection was never made: nothing can have been delivered. */
const NEVER_CONNECTED = /\b(ECONNREFUSED|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/;

interface TransportError {
  message?: string;
  code?: string;
  responseCode?: number;
}

/**
 * After a failed send: retry with backoff when the server refused the message temporarily (an
 * SMTP 4xx reply) or was never reached; give up on a permanent refusal (5xx) and on an unknown
 * outcome (a timeout or a dropped connection may come after the server accepted the message,
 * and sending again could deliver it twice).
 */
export function afterFailedDelivery(error: unknown, attempts: number): DeliveryOutcome {
  const e = (error ?? {}) as TransportError;
  const reason = (e.message ?? String(error)).slice(0, 500);

  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 400 && e.responseCode < 500) return retryLater(reason, attempts);
    return { failed: true, reason: `Refused by the mail server: ${reason}` };
  }
  if (e.code === 'EDNS' || e.code === 'EAUTH' || NEVER_CONNECTED.test(reason)) return retryLater(reason, attempts);
  return {
    failed: true,
    reason:
      `Delivery outcome unknown (${reason}); not retried so the email is never sent twice. ` +
      'Check the mail server for its Message-ID before sending it again.',
  };
}
