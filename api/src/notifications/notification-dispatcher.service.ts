import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import {
  afterFailedDelivery,
  type DeliveryOutcome,
  LINK_NO_LONGER_USABLE,
  messageIdOf,
  retryLater,
  SEND_LEASE_MS,
} from './delivery-policy';
import { LinkMinters, withLink, withoutLink } from './email-links';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport';

interface ClaimedNotification {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
  linkKind: string | null;
  linkTargetId: string | null;
}

export interface DispatchReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Claims whose worker vanished mid-send, marked FAILED rather than sent again. */
  abandoned: number;
}

/**
 * Delivers the outbox. Sending an email and recording it can never be one transaction, so a
 * crash between the two is inevitable somewhere; this worker chooses "at most once":
 *
 * 1. Claim one due PENDING row (`FOR UPDATE SKIP LOCKED`, so concurrent workers never pick the
 *    same one) and mark it SENDING with a lease, committed on its own before anything is sent.
 * 2. Send it with a stable Message-ID, `<notification-{id}@sbo>`. An email with a link gets it
 *    minted now (email-links.ts), so its token is never stored; each attempt mints a new one.
 * 3. Mark it SENT, or, if the server certainly did not take it, PENDING again with backoff.
 *
 * A row still SENDING after its lease belonged to a worker that died mid-send: it may or may
 * not have gone out, so it is marked FAILED with that explanation and never sent automatically.
 * The trade-off: in that rare case an email may be missing (visible in GET /api/notifications),
 * never doubled. The Message-ID lets an operator check the mail server before re-sending.
 */
@Injectable()
export class NotificationDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: LinkMinters,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.notificationPollMs <= 0) return;
    this.timer = setInterval(() => this.poll(), this.config.notificationPollMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs one pass unless the previous one is still going. */
  private poll(): void {
    if (this.running) return;
    this.running = this.dispatchDue()
      .catch((error: unknown) => this.logger.error(`Notification pass failed: ${error instanceof Error ? error.message : error}`))
      .finally(() => (this.running = undefined));
  }

  /** One pass: gives up dead claims, then sends due notifications one claim at a time, up to `limit`. */
  async dispatchDue(limit = 50): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, abandoned: await this.abandonExpiredClaims() };
    for (let i = 0; i < limit; i++) {
      const notification = await this.claimNext();
      if (!notification) break;
      report[await this.deliver(notification)]++;
    }
    return report;
  }

  /** One statement, committed by itself: the claim exists before the email does. */
  private async claimNext(): Promise<ClaimedNotification | undefined> {
    const [rows]: [ClaimedNotification[], number] = await this.dataSource.query(
      `UPDATE notification
       SET status = 'SENDING', attempts = attempts + 1, locked_until = now() + $1 * interval '1 millisecond'
       WHERE id = (
         SELECT id FROM notification
         WHERE status = 'PENDING' AND next_attempt_at <= now()
         ORDER BY next_attempt_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
       RETURNING id::text, recipient, subject, body, attempts, link_kind AS "linkKind", link_target_id AS "linkTargetId"`,
      [SEND_LEASE_MS],
    );
    return rows[0];
  }

  private async deliver(n: ClaimedNotification): Promise<'sent' | 'retrying' | 'failed'> {
    let link: string | null = null;
    if (n.linkKind && n.linkTargetId) {
      try {
        link = await this.links.mint({ kind: n.linkKind, targetId: n.linkTargetId });
      } catch (error) {
        // Nothing went out, so trying again later cannot send it twice.
        const reason = `The link could not be made: ${error instanceof Error ? error.message : error}`;
        return this.afterFailure(n, retryLater(reason, n.attempts));
      }
      if (!link) return this.afterFailure(n, LINK_NO_LONGER_USABLE);
    }
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: n.recipient,
        subject: n.subject,
        text: link ? withLink(n.body, link) : n.body,
        messageId: messageIdOf(n.id),
      });
    } catch (error) {
      const outcome = afterFailedDelivery(error, n.attempts);
      return this.afterFailure(n, link ? { ...outcome, reason: withoutLink(outcome.reason, link) } : outcome);
    }
    await this.finish(n.id, `status = 'SENT', sent_at = now(), last_error = NULL`, []);
    return 'sent';
  }

  private async afterFailure(n: ClaimedNotification, outcome: DeliveryOutcome): Promise<'retrying' | 'failed'> {
    if ('failed' in outcome) {
      await this.finish(n.id, `status = 'FAILED', last_error = $2`, [outcome.reason]);
      this.logger.warn(`Notification ${n.id} failed: ${outcome.reason}`);
      return 'failed';
    }
    await this.finish(n.id, `status = 'PENDING', last_error = $2, next_attempt_at = now() + $3 * interval '1 millisecond'`, [
      outcome.reason,
      outcome.retryInMs,
    ]);
    return 'retrying';
  }

  /** Ends this worker's claim; a claim already given up (lease expired) is left as it is. */
  private finish(id: string, set: string, params: unknown[]): Promise<unknown> {
    return this.dataSource.query(
      `UPDATE notification SET ${set}, locked_until = NULL WHERE id = $1 AND status = 'SENDING'`,
      [id, ...params],
    );
  }

  private async abandonExpiredClaims(): Promise<number> {
    const [, count]: [unknown[], number] = await this.dataSource.query(
      `UPDATE notification
       SET status = 'FAILED', locked_until = NULL,
           last_error = 'Delivery outcome unknown: the worker stopped while sending; not retried so the email is never sent twice. '
                        || 'Check the mail server for Message-ID <notification-' || id || '@sbo> before sending it again.'
       WHERE status = 'SENDING' AND locked_until < now()`,
    );
    return count;
  }
}
