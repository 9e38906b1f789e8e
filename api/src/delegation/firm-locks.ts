import type { EntityManager } from 'typeorm';
import { User } from '../auth/user.entity';
import { versionConflict } from '../common/app-error';
import { type AdminSeats, adminCapReached, hasFreeAdminSeat } from './admin-cap';
import { Firm } from './firm.entity';

/*
 * Every transaction that changes who belongs to a firm, or in which role, locks the firm row first
 * (then invitations, then users). That one order serializes delegation changes per firm, so the
 * seat count read after the lock is the truth, and no two such transactions deadlock.
 */

export const lockFirm = (manager: EntityManager, id: string): Promise<Firm | null> =>
  manager.getRepository(Firm).createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id }).getOne();

export const lockFirmUser = (manager: EntityManager, firmId: string, userId: string): Promise<User | null> =>
  manager
    .getRepository(User)
    .createQueryBuilder('u')
    .setLock('pessimistic_write')
    .where('u.id = :userId AND u.firm_id = :firmId', { userId, firmId })
    .getOne();

/** Call with the firm locked. */
export async function countAdminSeats(manager: EntityManager, firmId: string): Promise<AdminSeats> {
  const [row] = await manager.query(
    `SELECT
       (SELECT count(*) FROM app_user WHERE firm_id = $1 AND firm_role = 'ADMIN' AND active)::int AS active_admins,
       (SELECT count(*) FROM firm_invitation
         WHERE firm_id = $1 AND firm_role = 'ADMIN' AND user_id IS NULL
           AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now())::int AS pending_admin_invitations`,
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
