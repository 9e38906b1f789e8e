import type { SendMailOptions } from 'nodemailer';
import { MAIL_TRANSPORT, type MailTransport } from '../../src/notifications/mail-transport';
import { NotificationDispatcher } from '../../src/notifications/notification-dispatcher.service';
import type { TestApp } from './test-app';

export interface SentMail {
  /** Runs the outbox worker once (tests set NOTIFICATION_POLL_MS=0) and returns the emails it sent. */
  deliver(): Promise<SendMailOptions[]>;
  /** Every email the transport was given so far, oldest first. */
  all(): SendMailOptions[];
  /** Delivers what is due, then the latest email sent to `recipient`. */
  lastTo(recipient: string): Promise<SendMailOptions>;
  /** Delivers what is due, then the token of the latest link sent to `recipient`. */
  tokenTo(recipient: string): Promise<string>;
}

export const tokenIn = (text: unknown): string => {
  const match = /token=([A-Za-z0-9_-]+)/.exec(String(text));
  if (!match) throw new Error(`no link token in: ${text}`);
  return match[1];
};

/**
 * What the mail transport was handed: link tokens exist only there (the outbox keeps a
 * placeholder), so tests read them from the sent email, as the person invited would.
 */
export function watchSentMail(t: TestApp): SentMail {
  const sendMail = jest.spyOn(t.app.get<MailTransport>(MAIL_TRANSPORT), 'sendMail');
  const dispatcher = t.app.get(NotificationDispatcher);
  const all = () => sendMail.mock.calls.map(([message]) => message);
  const deliver = async () => {
    const before = sendMail.mock.calls.length;
    await dispatcher.dispatchDue();
    return all().slice(before);
  };
  const lastTo = async (recipient: string) => {
    await deliver();
    const mail = all().findLast((m) => m.to === recipient);
    if (!mail) throw new Error(`no email was sent to ${recipient}`);
    return mail;
  };
  return { deliver, all, lastTo, tokenTo: async (recipient) => tokenIn((await lastTo(recipient)).text) };
}
