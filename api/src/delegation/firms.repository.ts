import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AdminSeats, type FirmKind, hasFreeAdminSeat, type Region } from '@sbo/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { activeFirmAdminsSql, emailHasAccountSql } from '../accounts/accounts.service';
import type { SqlCondition } from '../authorization/accessible-sql';
import { escapeLike } from '../common/like-pattern';
import { applyListQuery } from '../common/list-query.dto';
import { adminCapReached } from './admin-cap';
import { Firm } from './firm.entity';
import { FirmInvitation } from './firm-invitation.entity';
import type { FirmListQueryDto } from './firm-list-query.dto';

/*
 * Every statement on the firm aggregate: the firm row and its invitations. Invitations belong to the
 * firm: each is written under the firm's lock, and the open administrator invitations hold seats
 * under its cap, counted with the firm's administrators.
 *
 * Every transaction that changes who belongs to a firm, or in which role, locks the firm row first
 * (then invitations, then users, with AccountsService.lockFirmUser). That one order serializes
 * delegation changes per firm, so the seat count read after the lock is the truth, and no two such
 * transactions deadlock.
 */

/**
 * Open invitations to become an administrator of the firm whose id is the SQL expression `firmId`:
 * each holds a seat under the cap. (An invitation for an existing account, user_id set, holds none.)
 */
export const pendingAdminInvitationsSql = (firmId: string): string =>
  `(SELECT count(*) FROM firm_invitation fi
    WHERE fi.firm_id = ${firmId} AND fi.firm_role = 'ADMIN' AND fi.user_id IS NULL
      AND fi.accepted_at IS NULL AND fi.revoked_at IS NULL AND fi.expires_at > now())::int`;

const ACTIVE_ADMINS = activeFirmAdminsSql('f.id');
const PENDING_ADMIN_INVITATIONS = pendingAdminInvitationsSql('f.id');
const NEEDS_ADMIN = `(${ACTIVE_ADMINS} = 0)`;

const SORTABLE = {
  needsAdmin: NEEDS_ADMIN,
  activeAdminCount: ACTIVE_ADMINS,
  name: 'f.name',
  taxId: 'f.tax_id',
  kind: 'f.kind',
  region: 'f.region',
  createdAt: 'f.created_at',
  updatedAt: 'f.updated_at',
};

const OPEN_INVITATION = 'i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()';

/** A firm with its seat counts. */
export interface FirmWithSeats {
  firm: Firm;
  seats: AdminSeats;
}

export interface NewFirm {
  name: string;
  taxId: string;
  kind: FirmKind;
  region: Region;
}

export type NewFirmInvitation = Pick<FirmInvitation, 'firmId' | 'email' | 'name' | 'firmRole' | 'userId' | 'expiresAt' | 'invitedById'>;

const withSeats = (entities: Firm[], raw: { active_admins: number; pending_admin_invitations: number }[]): FirmWithSeats[] =>
  entities.map((firm, i) => ({
    firm,
    seats: { activeAdmins: raw[i].active_admins, pendingAdminInvitations: raw[i].pending_admin_invitations },
  }));

@Injectable()
export class FirmsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  // --- firms ---

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Firm | null> {
    return manager.findOneBy(Firm, { id });
  }

  /** The firm row, locked (`FOR UPDATE`) until the caller's transaction ends. */
  lock(manager: EntityManager, id: string): Promise<Firm | null> {
    return manager.getRepository(Firm).createQueryBuilder('f').setLock('pessimistic_write').where('f.id = :id', { id }).getOne();
  }

  async regionOf(id: string, manager: EntityManager = this.dataSource.manager): Promise<Region | null> {
    const firm = await manager.findOne(Firm, { where: { id }, select: { id: true, region: true } });
    return firm?.region ?? null;
  }

  findByTaxId(manager: EntityManager, taxId: string): Promise<Firm | null> {
    return manager.findOneBy(Firm, { taxId });
  }

  /** The firm whose tax ID has these digits, however it is punctuated. */
  findByTaxIdDigits(digits: string, manager: EntityManager = this.dataSource.manager): Promise<Firm | null> {
    return manager
      .getRepository(Firm)
      .createQueryBuilder('f')
      .where(`regexp_replace(f.tax_id, '\\D', '', 'g') = :digits`, { digits })
      .getOne();
  }

  /** A row this transaction inserted is its own until commit: no lock needed. */
  async insert(manager: EntityManager, values: NewFirm): Promise<Firm> {
    const { identifiers } = await manager.insert(Firm, values);
    return manager.findOneByOrFail(Firm, { id: identifiers[0].id });
  }

  /** A delegation change is a change of the firm: its version moves, so stale screens get 409. */
  async touch(manager: EntityManager, firmId: string): Promise<void> {
    await manager.query(`UPDATE firm SET version = version + 1, updated_at = now() WHERE id = $1`, [firmId]);
  }

  /** Call with the firm locked. */
  async adminSeats(manager: EntityManager, firmId: string): Promise<AdminSeats> {
    const [row] = await manager.query(
      `SELECT ${activeFirmAdminsSql('$1')} AS active_admins, ${pendingAdminInvitationsSql('$1')} AS pending_admin_invitations`,
      [firmId],
    );
    return { activeAdmins: row.active_admins, pendingAdminInvitations: row.pending_admin_invitations };
  }

  /** Call with the firm locked, before anything that makes an administrator or holds a seat for one. */
  async checkAdminSeat(manager: EntityManager, firm: Firm): Promise<void> {
    const seats = await this.adminSeats(manager, firm.id);
    if (!hasFreeAdminSeat(firm.kind, seats)) throw adminCapReached(firm.name, seats);
  }

  private withSeatCounts(manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<Firm> {
    return manager
      .getRepository(Firm)
      .createQueryBuilder('f')
      .addSelect(ACTIVE_ADMINS, 'active_admins')
      .addSelect(PENDING_ADMIN_INVITATIONS, 'pending_admin_invitations');
  }

  async findWithSeats(id: string, manager: EntityManager = this.dataSource.manager): Promise<FirmWithSeats | null> {
    const { entities, raw } = await this.withSeatCounts(manager).where('f.id = :id', { id }).getRawAndEntities();
    return withSeats(entities, raw)[0] ?? null;
  }

  /** Firms matching `visible` and the query; those needing an administrator first by default. */
  async list(query: FirmListQueryDto, visible: SqlCondition): Promise<{ rows: FirmWithSeats[]; total: number }> {
    const qb = this.withSeatCounts().where(visible.sql, visible.params);
    if (query.q) qb.andWhere('(f.name ILIKE :q OR f.tax_id ILIKE :q)', { q: `%${escapeLike(query.q)}%` });
    if (query.kind) qb.andWhere('f.kind = :kind', { kind: query.kind });
    if (query.region) qb.andWhere('f.region = :region', { region: query.region });
    if (query.needsAdmin) qb.andWhere(query.needsAdmin === 'true' ? NEEDS_ADMIN : `NOT ${NEEDS_ADMIN}`);
    applyListQuery(qb, query, SORTABLE, { field: 'needsAdmin', order: 'DESC' });
    if ((query.sort ?? 'needsAdmin') === 'needsAdmin') {
      // Among firms equally (not) needing an administrator, alphabetical reads best.
      qb.orderBy(NEEDS_ADMIN, query.order ?? 'DESC').addOrderBy('f.name', 'ASC').addOrderBy('f.id', 'ASC');
    }
    // Counted with every filter, the `id` one included (TypeORM drops the order and paging to count).
    const total = await qb.getCount();
    const { entities, raw } = await qb.getRawAndEntities();
    return { rows: withSeats(entities, raw), total };
  }

  // --- invitations ---

  async insertInvitation(manager: EntityManager, values: NewFirmInvitation): Promise<FirmInvitation> {
    const { identifiers } = await manager.insert(FirmInvitation, values);
    return manager.findOneByOrFail(FirmInvitation, { id: identifiers[0].id });
  }

  /** The firm's open invitations, oldest first. */
  openInvitations(firmId: string, manager: EntityManager = this.dataSource.manager): Promise<FirmInvitation[]> {
    return manager
      .getRepository(FirmInvitation)
      .createQueryBuilder('i')
      .where(`i.firm_id = :firmId AND ${OPEN_INVITATION}`, { firmId })
      .orderBy('i.created_at', 'ASC')
      .getMany();
  }

  async hasOpenInvitation(manager: EntityManager, firmId: string, email: string): Promise<boolean> {
    const [{ open }] = await manager.query(
      `SELECT count(*)::int AS open FROM firm_invitation
        WHERE firm_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [firmId, email],
    );
    return open > 0;
  }

  /** Closes the firm's unaccepted invitations to this email (expired or not). */
  async revokeInvitationsTo(manager: EntityManager, firmId: string, email: string): Promise<void> {
    await manager.query(
      `UPDATE firm_invitation SET revoked_at = now()
        WHERE firm_id = $1 AND email = $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
      [firmId, email],
    );
  }

  /** The account's unaccepted invitations, and those to create an account for its address. */
  async revokeInvitationsOf(manager: EntityManager, user: { id: string; email: string }): Promise<void> {
    await manager.query(
      `UPDATE firm_invitation SET revoked_at = now()
        WHERE (user_id = $1 OR (user_id IS NULL AND email = $2)) AND accepted_at IS NULL AND revoked_at IS NULL`,
      [user.id, user.email],
    );
  }

  findInvitationByTokenHash(manager: EntityManager, tokenHash: string): Promise<FirmInvitation | null> {
    return manager.getRepository(FirmInvitation).createQueryBuilder('i').where('i.token_hash = :tokenHash', { tokenHash }).getOne();
  }

  /** Call with its firm locked first. */
  lockInvitation(manager: EntityManager, id: string): Promise<FirmInvitation> {
    return manager
      .getRepository(FirmInvitation)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOneOrFail();
  }

  async markInvitationAccepted(manager: EntityManager, id: string): Promise<void> {
    await manager.update(FirmInvitation, { id }, { acceptedAt: () => 'now()' });
  }

  /**
   * Stores the hash of a new link token on an open invitation, unless it is one to create an account
   * for an address that already has one. False when no such invitation.
   */
  async storeInvitationTokenHash(invitationId: string, hash: string): Promise<boolean> {
    const [minted]: [unknown[], number] = await this.dataSource.query(
      `UPDATE firm_invitation i SET token_hash = $2
        WHERE i.id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
          AND (i.user_id IS NOT NULL OR NOT ${emailHasAccountSql('i.email')})
        RETURNING i.id`,
      [invitationId, hash],
    );
    return minted.length > 0;
  }
}
