import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Jobs } from '../jobs/jobs.service';
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
 * The job that delivers one notification, keyed `notification:{id}`, 10 attempts: as migration
 * JobQueue1763901400000's trigger enqueues it.
 */
export const DELIVER_NOTIFICATION_JOB = 'notification.deliver';
/** Gives up claims whose worker died; every minute, and at the start of each pass by hand. */

type Delivered = 'sent' | 'retrying' | 'failed';

/**
 * Delivers the outbox. Sending an email and recording it can never be one transaction, so a
 * crash between the two is inevitable somewhere; this worker chooses "at most once".
 *
 * The job queue (Jobs) decides when and where: a trigger gives each PENDING row a job
 * `notification.deliver` due at its `next_attempt_at`, in the transaction that wrote the row, and
 * one worker of one instance takes each job. The row decides whether anything is sent:
 *
 * 1. The job claims its row only if it is PENDING and due, marking it SENDING with a lease, in a
 *    statement committed on its own before anything is sent: of any number of runs, one claims.
 * 2. Send it with a stable Message-ID, `<notification-{id}@sbo>`. An email with a link gets it
 *    minted now (email-links.ts), so its token is never stored; each attempt mints a new one.
 * 3. Mark it SENT, or, if the server certainly did not take it, PENDING again with backoff, which
 *    schedules the next job. The queue's own retries never resend: a job runs again only after the
 *    database failed it, and a row no longer PENDING is left alone.
 *
 * A row still SENDING after its lease belonged to a worker that died mid-send: it may or may
 * not have gone out, so it is marked FAILED with that explanation and never sent automatically.
 * The trade-off: in that rare case an email may be missing (visible in GET /api/notifications),
 * never doubled. The Message-ID lets an operator check the mail server before re-sending.
 */
const ABANDON_EVERY_MS = 60_000;

@Injectable()
export class NotificationDispatcher implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private abandonTimer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly links: LinkMinters,
    private readonly jobs: Jobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register(DELIVER_NOTIFICATION_JOB, ({ id }: { id: string }) => this.deliverOne(id));
  }

  /*
   * Dead claims are given up every minute by each instance (an idempotent UPDATE), not by
   * graphile-worker's cron: a cron tick that meets the database down rejects a promise the library
   * leaves unhandled, which would end the process.
   */
  onApplicationBootstrap(): void {
    if (this.config.notificationPollMs <= 0) return;
    this.abandonTimer = setInterval(() => {
      this.abandonExpiredClaims().catch((error: unknown) =>
        this.logger.warn(`Giving up dead claims failed: ${error instanceof Error ? error.message : error}`),
      );
    }, ABANDON_EVERY_MS);
    this.abandonTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.abandonTimer);
  }

  /**
   * One pass by hand (tests; NOTIFICATION_POLL_MS=0 runs none by itself): gives up dead claims, then
   * runs every due delivery job. Rejects when the database fails it.
   */
  async dispatchDue(): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, retrying: 0, failed: 0, abandoned: await this.abandonExpiredClaims() };
    const runs = await this.jobs.workOnce([DELIVER_NOTIFICATION_JOB]);
    for (const run of runs) {
      if ('error' in run) throw run.error;
      if (run.result === 'sent' || run.result === 'retrying' || run.result === 'failed') report[run.result]++;
    }
    return report;
  }

  /** The job: delivers notification `id` if it is still waiting and due; `skipped` otherwise. */
  async deliverOne(id: string): Promise<Delivered | 'skipped'> {
    const notification = await this.claim(id);
    if (notification) return this.deliver(notification);
    // Still waiting but not due (its time moved while this job was running): a job for then.
    const [waiting]: { runAt: Date }[] = await this.dataSource.query(
      `SELECT next_attempt_at AS "runAt" FROM notification WHERE id = $1 AND status = 'PENDING' AND next_attempt_at > now()`,
      [id],
    );
    if (waiting) {
      await this.jobs.enqueue(DELIVER_NOTIFICATION_JOB, { id }, { runAt: waiting.runAt, jobKey: `notification:${id}`, maxAttempts: 10 });
    }
    return 'skipped';
  }

  /**
   * One statement, committed by itself: the claim exists before the email does. Concurrent claims of
   * one row wait for each other, and the later one finds it no longer PENDING.
   */
  private async claim(id: string): Promise<ClaimedNotification | undefined> {
    const [rows]: [ClaimedNotification[], number] = await this.dataSource.query(
      `UPDATE notification
       SET status = 'SENDING', attempts = attempts + 1, locked_until = now() + $2 * interval '1 millisecond'
       WHERE id = $1 AND status = 'PENDING' AND next_attempt_at <= now()
       RETURNING id::text, recipient, subject, body, attempts, link_kind AS "linkKind", link_target_id AS "linkTargetId"`,
      [id, SEND_LEASE_MS],
    );
    return rows[0];
  }

  private async deliver(n: ClaimedNotification): Promise<Delivered> {
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

  /**
   * Ends this worker's claim; a claim already given up (lease expired) is left as it is. PENDING
   * again gets the row its next job (the trigger), in this statement.
   */
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
