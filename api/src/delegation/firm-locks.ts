import { type AdminSeats, hasFreeAdminSeat } from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { activeFirmAdminsSql } from '../accounts/accounts.service';
import { versionConflict } from '../common/app-error';
import { adminCapReached } from './admin-cap';
import { Firm } from './firm.entity';

/*
 * Every transaction that changes who belongs to a firm, or in which role, locks the firm row first
 * (then invitations, then users, with AccountsService.lockFirmUser). That one order serializes
 * delegation changes per firm, so the seat count read after the lock is the truth, and no two such
 * transactions deadlock.
 */

export const lockFirm = (manager: EntityManager, id: string): Promise<Firm | null> =>
  manager.getRepository(Firm).createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id }).getOne();

/**
 * Open invitations to become an administrator of the firm whose id is the SQL expression `firmId`:
 * each holds a seat under the cap. (An invitation for an existing account, user_id set, holds none.)
 */
export const pendingAdminInvitationsSql = (firmId: string): string =>
  `(SELECT count(*) FROM firm_invitation fi
    WHERE fi.firm_id = ${firmId} AND fi.firm_role = 'ADMIN' AND fi.user_id IS NULL
      AND fi.accepted_at IS NULL AND fi.revoked_at IS NULL AND fi.expires_at > now())::int`;

/** Call with the firm locked. */
export async function countAdminSeats(manager: EntityManager, firmId: string): Promise<AdminSeats> {
  const [row] = await manager.query(
    `SELECT ${activeFirmAdminsSql('$1')} AS active_admins, ${pendingAdminInvitationsSql('$1')} AS pending_admin_invitations`,
    [firmId],
  );
  return { activeAdmins: row.active_admins, pendingAdminInvitations: row.pending_admin_invitations };
}

/** A delegation change is a change of the firm: its version moves, so stale screens get 409. */
export const touchFirm = (manager: EntityManager, firmId: string) =>
  manager.query(`UPDATE firm SET version = version + 1, updated_at = now() WHERE id = $1`, [firmId]);

export function checkFirmVersion(firm: Firm, expected: number | undefined): void {
  if (expected !== undefined && expected !== firm.version) throw versionConflict(firm.version);
}

/** Call with the firm locked, before anything that makes an administrator or holds a seat for one. */
export async function checkAdminSeat(manager: EntityManager, firm: Firm): Promise<void> {
  const seats = await countAdminSeats(manager, firm.id);
  if (!hasFreeAdminSeat(firm.kind, seats)) throw adminCapReached(firm.name, seats);
}
