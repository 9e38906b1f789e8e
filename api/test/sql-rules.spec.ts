import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { adminCapFor, FIRM_KINDS, type FirmKind, hasFreeAdminSeat, isActiveReviewer, REGIONS, ROLES } from '@sbo/shared';
import { activeFirmAdminsSql } from '../src/accounts/accounts.service';
import { activeReviewerSql } from '../src/accounts/active-reviewer';
import { pendingAdminInvitationsSql } from '../src/delegation/firms.repository';
import { databaseClients } from './support/test-database';

/*
 * Rules the database enforces (or queries by) as well as the TypeScript code: on the same generated
 * cases, on a real PostgreSQL, both must give the same answers.
 */

/** Fixed, so a failure reproduces; fast-check prints the counterexample. */
const SEED = 1763901500;

const pg = databaseClients();

/** A firm's state: what counts as a seat, and what must not. */
interface FirmState {
  kind: FirmKind;
  activeAdmins: number;
  pendingAdminInvitations: number;
  inactiveAdmins: number;
  delegates: number;
  expiredAdminInvitations: number;
  revokedAdminInvitations: number;
  acceptedAdminInvitations: number;
  /** Invitations that set an existing account's password: they hold no seat. */
  adminInvitationsForAccounts: number;
  delegateInvitations: number;
}

/** Every way one more administrator seat gets taken. */
const ATTEMPTS = ['invite an administrator', 'promote a delegate', 'reactivate an administrator', 'create an administrator'] as const;
type Attempt = (typeof ATTEMPTS)[number];

const count = (max: number) => fc.integer({ min: 0, max });
const firmStates: fc.Arbitrary<FirmState> = fc.record({
  kind: fc.constantFrom(...FIRM_KINDS),
  activeAdmins: count(6),
  pendingAdminInvitations: count(6),
  inactiveAdmins: count(2),
  delegates: count(2),
  expiredAdminInvitations: count(2),
  revokedAdminInvitations: count(1),
  acceptedAdminInvitations: count(1),
  adminInvitationsForAccounts: count(1),
  delegateInvitations: count(2),
});

/** Writes the state with triggers off (so also states above the cap), and a delegate and a former administrator to act on. */
async function arrange(state: FirmState): Promise<{ firmId: string; delegateId: string; formerAdminId: string }> {
  const tag = randomUUID().slice(0, 8);
  const partnerRole = state.kind === 'BROKER_AGENCY' ? 'broker' : null;
  await pg.owner.query('BEGIN');
  try {
    await pg.owner.query(`SET LOCAL session_replication_role = replica`);
    const [{ id: firmId }] = (
      await pg.owner.query(`INSERT INTO firm (name, tax_id, kind, region) VALUES ($1, $1, $2, 'GA') RETURNING id`, [`cap-${tag}`, state.kind])
    ).rows;
    const user = async (label: string, firmRole: 'ADMIN' | 'DELEGATE', active: boolean): Promise<string> => {
      const role = partnerRole ?? (firmRole === 'ADMIN' ? 'ga_admin' : 'ga_delegate');
      const { rows } = await pg.owner.query(
        `INSERT INTO app_user (email, name, roles, firm_id, firm_role, active) VALUES ($1, $1, $2, $3, $4, $5) RETURNING id`,
        [`${label}-${tag}-${randomUUID().slice(0, 8)}@cap.example.com`, [role], firmId, firmRole, active],
      );
      return rows[0].id;
    };
    const invitation = async (firmRole: 'ADMIN' | 'DELEGATE', extra: { userId?: string; state?: 'expired' | 'revoked' | 'accepted' } = {}) =>
      pg.owner.query(
        `INSERT INTO firm_invitation (firm_id, email, name, firm_role, user_id, expires_at, accepted_at, revoked_at)
         VALUES ($1, $2, 'Invited', $3, $4,
                 now() + CASE WHEN $5 = 'expired' THEN interval '-1 day' ELSE interval '7 days' END,
                 CASE WHEN $5 = 'accepted' THEN now() END, CASE WHEN $5 = 'revoked' THEN now() END)`,
        [firmId, `invited-${randomUUID()}@cap.example.com`, firmRole, extra.userId ?? null, extra.state ?? null],
      );
    const times = async (n: number, work: () => Promise<unknown>) => {
      for (let i = 0; i < n; i++) await work();
    };
    await times(state.activeAdmins, () => user('admin', 'ADMIN', true));
    await times(state.inactiveAdmins, () => user('gone', 'ADMIN', false));
    await times(state.delegates, () => user('delegate', 'DELEGATE', true));
    await times(state.pendingAdminInvitations, () => invitation('ADMIN'));
    await times(state.expiredAdminInvitations, () => invitation('ADMIN', { state: 'expired' }));
    await times(state.revokedAdminInvitations, () => invitation('ADMIN', { state: 'revoked' }));
    await times(state.acceptedAdminInvitations, () => invitation('ADMIN', { state: 'accepted' }));
    await times(state.delegateInvitations, () => invitation('DELEGATE'));
    const delegateId = await user('to-promote', 'DELEGATE', true);
    const formerAdminId = await user('former', 'ADMIN', false);
    await times(state.adminInvitationsForAccounts, () => invitation('ADMIN', { userId: delegateId }));
    await pg.owner.query('COMMIT');
    return { firmId, delegateId, formerAdminId };
  } catch (error) {
    await pg.owner.query('ROLLBACK');
    throw error;
  }
}

/** Whether the database lets the application take one more seat; nothing of it is kept. */
async function databaseAccepts(attempt: Attempt, ids: { firmId: string; delegateId: string; formerAdminId: string }, kind: FirmKind) {
  const adminRole = kind === 'BROKER_AGENCY' ? 'broker' : 'ga_admin';
  const change: Record<Attempt, [string, unknown[]]> = {
    'invite an administrator': [
      `INSERT INTO firm_invitation (firm_id, email, name, firm_role, expires_at)
       VALUES ($1, $2, 'New', 'ADMIN', now() + interval '7 days')`,
      [ids.firmId, `new-${randomUUID()}@cap.example.com`],
    ],
    'promote a delegate': [`UPDATE app_user SET firm_role = 'ADMIN', roles = $2 WHERE id = $1`, [ids.delegateId, [adminRole]]],
    'reactivate an administrator': [`UPDATE app_user SET active = true WHERE id = $1`, [ids.formerAdminId]],
    'create an administrator': [
      `INSERT INTO app_user (email, name, roles, firm_id, firm_role) VALUES ($1, 'New', $2, $3, 'ADMIN')`,
      [`new-${randomUUID()}@cap.example.com`, [adminRole], ids.firmId],
    ],
  };
  await pg.app.query('BEGIN');
  try {
    await pg.app.query(...change[attempt]);
    return true;
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'firm_admin_cap') return false;
    throw error;
  } finally {
    await pg.app.query('ROLLBACK');
  }
}

describe('the administrator cap: adminCapFor and hasFreeAdminSeat against the cap trigger', () => {
  it('the database caps each kind of firm as adminCapFor does', async () => {
    for (const kind of FIRM_KINDS) {
      const { rows } = await pg.app.query(`SELECT firm_admin_cap($1) AS cap`, [kind]);
      expect({ kind, cap: rows[0].cap }).toEqual({ kind, cap: adminCapFor(kind) });
    }
  });

  it('on any firm state, the API counts the seats the trigger counts, and both refuse the same seat', async () => {
    await fc.assert(
      fc.asyncProperty(firmStates, fc.constantFrom(...ATTEMPTS), async (state, attempt) => {
        const ids = await arrange(state);
        const { rows } = await pg.app.query(
          `SELECT ${activeFirmAdminsSql('$1')} AS active_admins, ${pendingAdminInvitationsSql('$1')} AS pending,
                  firm_admin_seats_taken($1) AS taken`,
          [ids.firmId],
        );
        const seats = { activeAdmins: state.activeAdmins, pendingAdminInvitations: state.pendingAdminInvitations };
        expect({ activeAdmins: rows[0].active_admins, pendingAdminInvitations: rows[0].pending }).toEqual(seats);
        expect(rows[0].taken).toBe(state.activeAdmins + state.pendingAdminInvitations);
        expect(await databaseAccepts(attempt, ids, state.kind)).toBe(hasFreeAdminSeat(state.kind, seats));
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
});

describe('an active rep or lead of a region: isActiveReviewer against activeReviewerSql', () => {
  it('on any account and region, both answer alike', async () => {
    const accounts = fc.record({
      active: fc.boolean(),
      roles: fc.subarray([...ROLES]),
      regions: fc.subarray([...REGIONS]),
    });
    await fc.assert(
      fc.asyncProperty(accounts, fc.constantFrom(...REGIONS), async (account, region) => {
        const { rows } = await pg.app.query(
          `SELECT ${activeReviewerSql('u', 'ARRAY[$4]::text[]')} AS yes
             FROM (SELECT $1::boolean AS active, $2::text[] AS roles, $3::text[] AS regions) u`,
          [account.active, account.roles, account.regions, region],
        );
        expect(rows[0].yes).toBe(isActiveReviewer(account, region));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
