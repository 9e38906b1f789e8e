import { randomUUID } from 'node:crypto';
import { createApp } from '../src/app.factory';
import { MAX_DELIVERY_ATTEMPTS } from '../src/notifications/delivery-policy';
import { LINK_PLACEHOLDER, LinkMinters } from '../src/notifications/email-links';
import { MAIL_TRANSPORT, type MailTransport } from '../src/notifications/mail-transport';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher.service';
import { NotificationsService } from '../src/notifications/notifications.service';
import { BROKER, completeSubmission, partner, setNow } from './support/intake';
import { startTestApp, type TestApp } from './support/test-app';

const smtpError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('notification outbox worker (API, real PostgreSQL)', () => {
  let t: TestApp;
  let dispatcher: NotificationDispatcher;
  let sendMail: jest.SpyInstance;
  beforeAll(async () => {
    t = await startTestApp();
    dispatcher = t.app.get(NotificationDispatcher);
    sendMail = jest.spyOn(t.app.get<MailTransport>(MAIL_TRANSPORT), 'sendMail');
    setNow(t, '2027-01-05T18:00:00Z');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await dispatcher.dispatchDue();
    sendMail.mockReset();
    sendMail.mockResolvedValue({ messageId: 'ok' });
  });

  /** Puts emails in the outbox the way a service does, and returns their IDs. */
  async function enqueue(count: number): Promise<string[]> {
    const entityId = randomUUID();
    await t.app.get(NotificationsService).enqueue(
      Array.from({ length: count }, (_, i) => ({
        to: `person${i}@example.com`,
        subject: `Subject ${i}`,
        body: `Body ${i}`,
        template: 'test.message',
        entityType: 'Test',
        entityId,
      })),
    );
    const rows = await t.dataSource.query(`SELECT id::text FROM notification WHERE entity_id = $1 ORDER BY id`, [entityId]);
    return rows.map((r: { id: string }) => r.id);
  }

  const rowOf = async (id: string) =>
    (
      await t.dataSource.query(
        `SELECT status, attempts, last_error, sent_at, locked_until, next_attempt_at > now() AS later FROM notification WHERE id = $1`,
        [id],
      )
    )[0];

  it('delivers the confirmation of a submit to the submitter, once, with a stable Message-ID', async () => {
    const id = await completeSubmission(t, 'CO');
    expect((await partner(t, await t.login(BROKER.CO)).submit(id)).status).toBe(200);
    const [row] = await t.dataSource.query(`SELECT id::text FROM notification WHERE entity_id = $1`, [id]);
    const [{ reference }] = await t.dataSource.query(`SELECT reference FROM submission WHERE id = $1`, [id]);

    expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(sendMail).toHaveBeenCalledTimes(1);
    expect(sendMail).toHaveBeenCalledWith(
      expect.objectContaining({
        to: BROKER.CO,
        subject: `Submission received: new group enrollment ${reference} for Acme Bakery`,
        messageId: `<notification-${row.id}@sbo>`,
        from: t.config.mailFrom,
      }),
    );
    expect(await rowOf(row.id)).toMatchObject({ status: 'SENT', attempts: 1, last_error: null, locked_until: null });

    expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 0 });
    expect(sendMail).toHaveBeenCalledTimes(1);
  });

  it('sends each email once when workers race (FOR UPDATE SKIP LOCKED)', async () => {
    const ids = await enqueue(30);
    sendMail.mockImplementation(async () => new Promise((resolve) => setTimeout(() => resolve({}), 5)));
    const reports = await Promise.all([1, 2, 3, 4].map(() => dispatcher.dispatchDue()));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(30);
    const messageIds = sendMail.mock.calls.map(([message]) => message.messageId);
    expect(messageIds).toHaveLength(30);
    expect(new Set(messageIds).size).toBe(30);
    const rows = await t.dataSource.query(`SELECT status, attempts FROM notification WHERE id = ANY($1::bigint[])`, [ids]);
    expect(rows.every((r: { status: string; attempts: number }) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });

  it('retries a temporary refusal with backoff, then delivers', async () => {
    const [id] = await enqueue(1);
    sendMail.mockRejectedValueOnce(smtpError('451 Try again later', { responseCode: 451 }));
    expect(await dispatcher.dispatchDue()).toMatchObject({ retrying: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, last_error: '451 Try again later', later: true });

    // Not due yet: nothing is sent.
    await dispatcher.dispatchDue();
    expect(sendMail).toHaveBeenCalledTimes(1);

    await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() WHERE id = $1`, [id]);
    expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
    expect(await rowOf(id)).toMatchObject({ status: 'SENT', attempts: 2, last_error: null });
    expect(sendMail.mock.calls.map(([m]) => m.messageId)).toEqual([`<notification-${id}@sbo>`, `<notification-${id}@sbo>`]);
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} temporary failures`, async () => {
    const [id] = await enqueue(1);
    sendMail.mockRejectedValue(smtpError('connect ECONNREFUSED 127.0.0.1:25', { code: 'ECONNECTION' }));
    for (let i = 0; i < MAX_DELIVERY_ATTEMPTS; i++) {
      await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() WHERE id = $1`, [id]);
      await dispatcher.dispatchDue();
    }
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED', attempts: MAX_DELIVERY_ATTEMPTS });
    expect((await rowOf(id)).last_error).toMatch(/^Gave up after 6 attempts/);
  });

  it.each([
    ['a permanent refusal (550)', smtpError('550 No such mailbox', { responseCode: 550 }), /Refused by the mail server/],
    ['a timeout, whose outcome is unknown', smtpError('Timeout', { code: 'ETIMEDOUT' }), /never sent twice/],
  ])('does not retry %s', async (_, error, message) => {
    const [id] = await enqueue(1);
    sendMail.mockRejectedValueOnce(error);
    expect(await dispatcher.dispatchDue()).toMatchObject({ failed: 1 });
    await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() - interval '1 hour' WHERE id = $1`, [id]);
    await dispatcher.dispatchDue();
    expect(sendMail).toHaveBeenCalledTimes(1);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toMatch(message);
  });

  it('never re-sends a claim whose worker died mid-send; leaves a live claim alone', async () => {
    const [dead, live] = await enqueue(2);
    // One worker claimed `dead` and vanished; another is still sending `live`.
    await t.dataSource.query(
      `UPDATE notification SET status = 'SENDING', attempts = 1, locked_until = now() - interval '1 second' WHERE id = $1`,
      [dead],
    );
    await t.dataSource.query(
      `UPDATE notification SET status = 'SENDING', attempts = 1, locked_until = now() + interval '5 minutes' WHERE id = $1`,
      [live],
    );
    expect(await dispatcher.dispatchDue()).toMatchObject({ abandoned: 1, sent: 0 });
    expect(sendMail).not.toHaveBeenCalled();
    const deadRow = await rowOf(dead);
    expect(deadRow).toMatchObject({ status: 'FAILED', locked_until: null });
    expect(deadRow.last_error).toContain(`<notification-${dead}@sbo>`);
    expect(await rowOf(live)).toMatchObject({ status: 'SENDING' });
  });

  it('a late "sent" from a worker whose claim was given up does not overwrite the record', async () => {
    const [id] = await enqueue(1);
    sendMail.mockImplementationOnce(async () => {
      // The lease runs out while this send is under way, and another pass gives the claim up.
      await t.dataSource.query(`UPDATE notification SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
      await dispatcher.dispatchDue();
      return {};
    });
    await dispatcher.dispatchDue();
    expect(await rowOf(id)).toMatchObject({ status: 'FAILED' });
    expect(sendMail).toHaveBeenCalledTimes(1);
  });

  describe('on the job queue', () => {
    const waitingJobs = (id: string) =>
      t.ownerQuery(
        `SELECT j.run_at, j.attempts, j.max_attempts FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks k ON k.id = j.task_id
         WHERE k.identifier = 'notification.deliver' AND j.key = 'notification:' || $1::text AND j.locked_at IS NULL`,
        [id],
      );

    it('never sends an email whose transaction rolled back: neither row nor job is left', async () => {
      const entityId = randomUUID();
      await expect(
        t.dataSource.transaction(async (manager) => {
          await t.app.get(NotificationsService).enqueue({ to: 'gone@example.com', subject: 's', body: 'b', template: 'test.rollback', entityId }, manager);
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await t.dataSource.query(`SELECT 1 FROM notification WHERE entity_id = $1`, [entityId])).toEqual([]);
      expect(await t.ownerQuery(`SELECT 1 FROM graphile_worker._private_jobs WHERE payload::text LIKE '%gone%'`)).toEqual([]);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 0 });
      expect(sendMail).not.toHaveBeenCalled();
    });

    it('gives each waiting email one job, due when it is; none once it is sent', async () => {
      const [id] = await enqueue(1);
      const [row] = await t.dataSource.query(`SELECT next_attempt_at FROM notification WHERE id = $1`, [id]);
      expect(await waitingJobs(id)).toEqual([{ run_at: row.next_attempt_at, attempts: 0, max_attempts: 10 }]);

      sendMail.mockRejectedValueOnce(smtpError('451 Try again later', { responseCode: 451 }));
      expect(await dispatcher.dispatchDue()).toMatchObject({ retrying: 1 });
      const [later] = await t.dataSource.query(`SELECT next_attempt_at FROM notification WHERE id = $1`, [id]);
      expect(await waitingJobs(id)).toEqual([{ run_at: later.next_attempt_at, attempts: 0, max_attempts: 10 }]);

      await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() WHERE id = $1`, [id]);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
      expect(await waitingJobs(id)).toEqual([]);
      expect(await t.ownerQuery(`SELECT 1 FROM graphile_worker._private_jobs WHERE key = 'notification:' || $1::text`, [id])).toEqual([]);
    });

    it('a job run again (the queue retrying after a database failure) sends nothing twice', async () => {
      const [id] = await enqueue(1);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
      expect(await t.app.get(NotificationDispatcher).deliverOne(id)).toBe('skipped');
      expect(sendMail).toHaveBeenCalledTimes(1);
    });
  });

  describe('an email with a link', () => {
    // What a feature's minter would answer for each record: a link, none (record no longer usable), or an error.
    const answers = new Map<string, () => Promise<string | null>>();
    beforeAll(() => {
      t.app.get(LinkMinters).register('test.link', { mint: (targetId) => answers.get(targetId)!() });
    });
    async function enqueueWithLink(answer: () => Promise<string | null>): Promise<string> {
      const targetId = randomUUID();
      answers.set(targetId, answer);
      await t.app.get(NotificationsService).enqueue({
        to: 'linked@example.com', subject: 'Your link', body: `Open ${LINK_PLACEHOLDER} once.`, template: 'test.link',
        entityId: targetId, link: { kind: 'test.link', targetId },
      });
      const [row] = await t.dataSource.query(`SELECT id::text FROM notification WHERE entity_id = $1`, [targetId]);
      return row.id;
    }
    const bodyOf = async (id: string) => (await t.dataSource.query(`SELECT body FROM notification WHERE id = $1`, [id]))[0].body;

    it('gets its link minted when it is sent, in the placeholder; the outbox keeps the placeholder', async () => {
      let minted = 0;
      const id = await enqueueWithLink(async () => `/x?token=T${++minted}`);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
      expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ text: 'Open /x?token=T1 once.', messageId: `<notification-${id}@sbo>` }));
      expect(await bodyOf(id)).toBe(`Open ${LINK_PLACEHOLDER} once.`);
      expect(minted).toBe(1);
    });

    it('is not sent when its link can no longer be made (the record was used, withdrawn or expired)', async () => {
      const id = await enqueueWithLink(async () => null);
      expect(await dispatcher.dispatchDue()).toMatchObject({ failed: 1, sent: 0 });
      expect(sendMail).not.toHaveBeenCalled();
      expect((await rowOf(id)).last_error).toMatch(/^Not sent/);
      await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() - interval '1 hour' WHERE id = $1`, [id]);
      await dispatcher.dispatchDue();
      expect(sendMail).not.toHaveBeenCalled();
    });

    it('is retried, with nothing sent, when minting its link fails; the next attempt mints again', async () => {
      let calls = 0;
      const id = await enqueueWithLink(async () => {
        if (++calls === 1) throw new Error('database away');
        return '/x?token=T2';
      });
      expect(await dispatcher.dispatchDue()).toMatchObject({ retrying: 1 });
      expect(sendMail).not.toHaveBeenCalled();
      expect(await rowOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'The link could not be made: database away', later: true });
      await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() WHERE id = $1`, [id]);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
      expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ text: 'Open /x?token=T2 once.' }));
    });
  });

  it('delivers with the default transport (no SMTP_URL) without a network', async () => {
    sendMail.mockRestore();
    try {
      const [id] = await enqueue(1);
      expect(await dispatcher.dispatchDue()).toMatchObject({ sent: 1 });
      expect(await rowOf(id)).toMatchObject({ status: 'SENT' });
    } finally {
      sendMail = jest.spyOn(t.app.get<MailTransport>(MAIL_TRANSPORT), 'sendMail');
    }
  });

  describe('GET /api/notifications', () => {
    it('shows admins the outbox: recipient, subject, status, attempts; filters by status and record', async () => {
      const ids = await enqueue(2);
      sendMail.mockRejectedValueOnce(smtpError('550 No', { responseCode: 550 }));
      await dispatcher.dispatchDue();
      const [{ entity_id: entityId }] = await t.dataSource.query(`SELECT entity_id FROM notification WHERE id = $1`, [ids[0]]);
      const admin = { Authorization: `Bearer ${await t.login('admin@example.com')}` };

      const res = await t.http().get('/api/notifications').query({ entityId, sort: 'recipient', order: 'ASC' }).set(admin);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(2);
      expect(res.body.data[0]).toMatchObject({
        id: ids[0],
        recipient: 'person0@example.com',
        subject: 'Subject 0',
        status: 'FAILED',
        attempts: 1,
        lastError: expect.stringMatching(/550/),
        template: 'test.message',
      });
      expect(res.body.data[0]).not.toHaveProperty('body');
      expect(res.body.data[1]).toMatchObject({ status: 'SENT', sentAt: expect.any(String) });

      const failed = await t.http().get('/api/notifications').query({ entityId, status: 'FAILED' }).set(admin);
      expect(failed.body.data.map((n: { id: string }) => n.id)).toEqual([ids[0]]);
      const all = await t.http().get('/api/notifications').set(admin);
      expect(all.body.total).toBeGreaterThanOrEqual(2);
    });

    it.each(['broker.co@example.com', 'rep.co@example.com', 'lead.ca@example.com', 'ebs@example.com'])('refuses %s (403)', async (email) => {
      const res = await t.http().get('/api/notifications').set('Authorization', `Bearer ${await t.login(email)}`);
      expect(res.status).toBe(403);
    });

    it('refuses an unknown status (400) and an anonymous caller (401)', async () => {
      const admin = { Authorization: `Bearer ${await t.login('admin@example.com')}` };
      expect((await t.http().get('/api/notifications').query({ status: 'LOST' }).set(admin)).status).toBe(400);
      expect((await t.http().get('/api/notifications')).status).toBe(401);
    });
  });
});

describe('notification worker polling (API)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NOTIFICATION_POLL_MS: '50' });
  });
  afterAll(() => t.close());

  it('delivers the outbox on its own when a poll interval is set, and stops on shutdown', async () => {
    const entityId = randomUUID();
    await t.app.get(NotificationsService).enqueue({ to: 'a@example.com', subject: 's', body: 'b', template: 'test.poll', entityId });
    const deadline = Date.now() + 5000;
    let status = 'PENDING';
    while (status !== 'SENT' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      [{ status }] = await t.dataSource.query(`SELECT status FROM notification WHERE entity_id = $1`, [entityId]);
    }
    expect(status).toBe('SENT');
  });

  it('two instances on one database deliver as one: each email once', async () => {
    const other = await createApp(t.config, t.db.appUrl);
    await other.init();
    const sent: string[] = [];
    for (const app of [t.app, other]) {
      jest.spyOn(app.get<MailTransport>(MAIL_TRANSPORT), 'sendMail').mockImplementation(async (message) => {
        sent.push(String(message.messageId));
        await new Promise((resolve) => setTimeout(resolve, 5));
        return {};
      });
    }
    try {
      const entityId = randomUUID();
      await t.app.get(NotificationsService).enqueue(
        Array.from({ length: 20 }, (_, i) => ({ to: `both${i}@example.com`, subject: 's', body: 'b', template: 'test.two', entityId })),
      );
      const deadline = Date.now() + 10000;
      let left = 20;
      while (left > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM notification WHERE entity_id = $1 AND status <> 'SENT'`, [entityId]);
      }
      expect(left).toBe(0);
      expect(sent).toHaveLength(20);
      expect(new Set(sent).size).toBe(20);
    } finally {
      await other.close();
    }
  });
});
