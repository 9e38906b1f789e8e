import nodemailer, { type SendMailOptions, type SentMessageInfo } from 'nodemailer';
import type { AppConfig } from '../config/app-config';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** What the worker needs of a nodemailer transport; tests replace it through the MAIL_TRANSPORT token. */
export interface MailTransport {
  sendMail(message: SendMailOptions): Promise<SentMessageInfo>;
}

/**
 * SMTP to SMTP_URL when set. Its timeouts keep one send well inside the worker's lease
 * (SEND_LEASE_MS), so a claim never expires while its send is still under way.
 * Without SMTP_URL, nodemailer's JSON transport builds the message and records it as
 * delivered without touching the network (development, tests).
 */
export function createMailTransport(config: AppConfig): MailTransport {
  return config.smtpUrl
    ? nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 })
    : nodemailer.createTransport({ jsonTransport: true });
}
