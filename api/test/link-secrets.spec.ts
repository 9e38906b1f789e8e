import { createHash } from 'node:crypto';
import { MAIL_TRANSPORT, type MailTransport } from '../src/notifications/mail-transport';
import { type SentMail, tokenIn, watchSentMail } from './support/sent-mail';
import { startTestApp, type TestApp } from './support/test-app';

/*
 * An invitation link opens an account: it must exist only in the email sent. These tests read
 * every text and JSON column of every table (and what the application logged) after invitations
 * were issued and sent, as someone holding a copy of the database or its logs would.
 */
describe('invitation links rest nowhere but in the email sent (API, real PostgreSQL)', () => {
  let t: TestApp;
  let mail: SentMail;
  const logged: string[] = [];
  beforeAll(async () => {
    // warn: the level at which the outbox worker reports failures, with their reason.
    t = await startTestApp({ LOG_LEVEL: 'warn' });
    mail = watchSentMail(t);
    for (const stream of [process.stdout, process.stderr]) {
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
        logged.push(String(chunk));
        return true;
      });
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  const accept = (token: string) => t.http().post('/api/invitations/accept').send({ token, password: 'a-good-password' });
  const invite = async (email: string, taxId = '52-1000004') => {
    const [firm] = await t.dataSource.query(`SELECT id FROM firm WHERE tax_id = $1`, [taxId]);
    const res = await t.http().post(`/api/firms/${firm.id}/invitations`)
      .set('Authorization', `Bearer ${await t.login('gasupport@example.com')}`)
      .send({ email, name: 'Invited Person', role: 'DELEGATE' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const tokenHashOf = async (invitationId: string): Promise<string | null> =>
    (await t.dataSource.query(`SELECT token_hash FROM firm_invitation WHERE id = $1`, [invitationId]))[0].token_hash;
  const outboxRowOf = async (invitationId: string) =>
    (await t.dataSource.query(`SELECT status, body, last_error FROM notification WHERE entity_id = $1`, [invitationId]))[0];

  /** Every text, character, JSON and array column of every table, as `table.column`. */
  async function textColumns(): Promise<{ table: string; column: string }[]> {
    return t.dataSource.query(
      `SELECT c.table_name AS table, c.column_name AS column
         FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb') OR c.data_type = 'ARRAY')
        ORDER BY 1, 2`,
    );
  }

  /** The columns holding any of `secrets` anywhere in their text. */
  async function placesHolding(secrets: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { table, column } of await textColumns()) {
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM "${table}"
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos("${column}"::text, s) > 0)`,
        [secrets],
      );
      if (n) found.push(`${table}.${column}`);
    }
    return found;
  }

  it('scans every table, the outbox and the audit trail included', async () => {
    const columns = (await textColumns()).map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(expect.arrayContaining([
      'notification.body', 'notification.last_error', 'audit_event.after', 'audit_event.before', 'firm_invitation.token_hash',
      'registration.decision_reason', 'app_user.roles',
    ]));
    expect(await placesHolding(['Security review: the firm reported a shared login.'])).toContain('registration.decision_reason');
  });

  it('issues an invitation without a token, mints it when the email is sent, and keeps only its hash', async () => {
    const id = await invite('scan.one@example.com');
    expect(await tokenHashOf(id)).toBeNull();
    const queued = await outboxRowOf(id);
    expect(queued.body).toContain('Set your password to start: {{link}}');
    expect(queued.body).not.toContain('token=');

    const sent = await mail.lastTo('scan.one@example.com');
    const token = tokenIn(sent.text);
    const link = `/#/accept-invitation?token=${token}`;
    expect(sent.text).toContain(`Set your password to start: ${link}`);
    expect(await tokenHashOf(id)).toBe(sha256(token));
    expect(await outboxRowOf(id)).toMatchObject({ status: 'SENT', body: queued.body });

    expect(await placesHolding([token, link])).toEqual([]);
    // The same scan does find what rests there: the address, in the outbox, the audit trail's JSON and the invitation.
    expect(await placesHolding(['scan.one@example.com'])).toEqual(
      expect.arrayContaining(['audit_event.after', 'firm_invitation.email', 'notification.recipient']),
    );
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
    expect((await accept(token)).status).toBe(200);
    expect(await placesHolding([token, link])).toEqual([]);
  });

  it('mints a new token for each attempt: after a certain non-delivery only the newest link works', async () => {
    const id = await invite('scan.two@example.com');
    const transport = t.app.get<MailTransport>(MAIL_TRANSPORT);
    jest.spyOn(transport, 'sendMail').mockRejectedValueOnce(Object.assign(new Error('451 Try again later'), { responseCode: 451 }));
    await mail.deliver();
    expect(await outboxRowOf(id)).toMatchObject({ status: 'PENDING' });
    const first = tokenIn(mail.all().at(-1)!.text);
    expect(await tokenHashOf(id)).toBe(sha256(first));

    await t.dataSource.query(`UPDATE notification SET next_attempt_at = now() WHERE entity_id = $1`, [id]);
    const second = await mail.tokenTo('scan.two@example.com');
    expect(second).not.toBe(first);
    expect(await tokenHashOf(id)).toBe(sha256(second));
    expect(await placesHolding([first, second])).toEqual([]);

    expect((await accept(first)).status).toBe(404);
    expect((await accept(second)).status).toBe(200);
  });

  it('keeps the link out of the outbox and the log when a mail server quotes it in a refusal', async () => {
    const id = await invite('scan.three@example.com');
    const transport = t.app.get<MailTransport>(MAIL_TRANSPORT);
    jest.spyOn(transport, 'sendMail').mockImplementationOnce(async (message) => {
      throw Object.assign(new Error(`550 Blocked URL ${/\/#\S+/.exec(String(message.text))![0]} in message`), { responseCode: 550 });
    });
    await mail.deliver();
    const token = tokenIn(mail.all().at(-1)!.text);
    const row = await outboxRowOf(id);
    expect(row).toMatchObject({ status: 'FAILED' });
    expect(row.last_error).toBe('Refused by the mail server: 550 Blocked URL [link removed] in message');
    expect(logged.some((line) => line.includes('[link removed]'))).toBe(true);
    expect(logged.filter((line) => line.includes(token))).toEqual([]);
    expect(await placesHolding([token])).toEqual([]);
  });

  it.each([
    ['expired', `expires_at = now() - interval '1 minute'`],
    ['withdrawn', 'revoked_at = now()'],
  ])('sends no email, and makes no token, for an invitation %s before its email went out', async (state, set) => {
    const email = `scan.${state}@example.com`;
    const id = await invite(email);
    await t.dataSource.query(`UPDATE firm_invitation SET ${set} WHERE id = $1`, [id]);
    const sent = await mail.deliver();
    expect(sent.filter((m) => m.to === email)).toEqual([]);
    expect(await tokenHashOf(id)).toBeNull();
    const row = await outboxRowOf(id);
    expect(row).toMatchObject({ status: 'FAILED' });
    expect(row.last_error).toMatch(/^Not sent: .*can no longer be used/);
  });

  it('a re-sent invitation (EBS re-invite) ends the earlier link', async () => {
    const [registration] = await t.dataSource.query(`SELECT id FROM registration WHERE email = 'delegate2.co@example.com'`);
    const reinvite = async () => t.http().post(`/api/registrations/${registration.id}/reinvite`)
      .set('Authorization', `Bearer ${await t.login('ebs@example.com')}`).send({});
    expect((await reinvite()).status).toBe(200);
    const earlier = await mail.tokenTo('delegate2.co@example.com');
    expect((await reinvite()).status).toBe(200);
    const newest = await mail.tokenTo('delegate2.co@example.com');

    const earlierAnswer = await accept(earlier);
    expect(earlierAnswer.status).toBe(422);
    expect(earlierAnswer.body.details).toEqual({ invitation: 'REVOKED' });
    const [open] = await t.dataSource.query(
      `SELECT token_hash FROM firm_invitation WHERE email = 'delegate2.co@example.com' AND revoked_at IS NULL AND accepted_at IS NULL`);
    expect(open.token_hash).toBe(sha256(newest));
    expect(await placesHolding([earlier, newest])).toEqual([]);
    expect((await accept(newest)).status).toBe(200);
  });
});
