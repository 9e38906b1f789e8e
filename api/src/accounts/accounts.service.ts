import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FirmRole, Region, Role, SessionUser, StaffRole } from '@sbo/shared';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { escapeLike } from '../common/like-pattern';
import { applyListQuery, type ListQueryDto } from '../common/list-query.dto';
import { activeReviewerSql } from './active-reviewer';
import { User } from './user.entity';

/*
 * The one owner of app_user rows: every account is created, changed, activated, deactivated and
 * signed out here, and the SQL over the table lives here. Methods that take an EntityManager run in
 * the caller's transaction (which holds whatever firm lock the change needs).
 */

export interface NewStaffAccount {
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  roles: StaffRole[];
  regions: Region[];
}

export interface NewPartnerAccount {
  email: string;
  name: string;
  /** Null until the partner sets one through their invitation. */
  passwordHash: string | null;
  role: Role;
  firmId: string;
  firmRole: FirmRole;
  grantedById: string | null;
}

export interface StaffChanges {
  name?: string;
  phone?: string | null;
  roles?: StaffRole[];
  regions?: Region[];
  active?: boolean;
}

export interface StaffFilter {
  q?: string;
  role?: StaffRole;
  region?: Region;
  active?: boolean;
}

/** What a lead sees of someone they may assign to; `regions` only those asked about. */
export interface ReviewerAccount {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  regions: Region[];
}

/** Ends every session: the session check compares the token's version with this on each request. */
const END_SESSIONS = { tokenVersion: () => 'token_version + 1' };
const NEXT_VERSION = { version: () => 'version + 1' };

const STAFF_SORTABLE = { name: 'u.name', email: 'u.email', createdAt: 'u.created_at', active: 'u.active' };


/** The active administrators of the firm whose id is the SQL expression `firmId`, as an integer. */
export const activeFirmAdminsSql = (firmId: string): string =>
  `(SELECT count(*) FROM app_user au WHERE au.firm_id = ${firmId} AND au.firm_role = 'ADMIN' AND au.active)::int`;

/** SQL: an account has the email that is the SQL expression `email`. */
export const emailHasAccountSql = (email: string): string => `EXISTS (SELECT 1 FROM app_user au WHERE au.email = ${email})`;

@Injectable()
export class AccountsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(User);
  }

  private lockedBy(manager: EntityManager, where: string, params: Record<string, unknown>): Promise<User | null> {
    return this.users(manager).createQueryBuilder('u').setLock('pessimistic_write').where(where, params).getOne();
  }

  // --- Reading ---

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.users(manager).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<User | null> {
    return this.lockedBy(manager, 'u.id = :id', { id });
  }

  lockByEmail(manager: EntityManager, email: string): Promise<User | null> {
    return this.lockedBy(manager, 'u.email = :email', { email });
  }

  /** Call with the firm locked (firms.repository.ts gives the order). */
  lockFirmUser(manager: EntityManager, firmId: string, userId: string): Promise<User | null> {
    return this.lockedBy(manager, 'u.id = :userId AND u.firm_id = :firmId', { userId, firmId });
  }

  emailHasAccount(email: string, manager?: EntityManager): Promise<boolean> {
    return this.users(manager).exists({ where: { email } });
  }

  /** The account behind a login email, with its password hash for the check. */
  forLogin(email: string): Promise<User | null> {
    return this.users().createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
  }

  /** The session behind a token, or null when the user is gone, inactive, or the token was revoked. */
  async sessionFor(userId: string, tokenVersion: number): Promise<SessionUser | null> {
    // Every request runs this: one indexed row, only the session's columns, no entity hydration.
    const [session] = await this.dataSource.query(
      `SELECT id, email, name, roles, regions, firm_id AS "firmId" FROM app_user
        WHERE id = $1 AND active AND token_version = $2`,
      [userId, tokenVersion],
    );
    return (session as SessionUser | undefined) ?? null;
  }

  /** The firm's users: administrators first, active before inactive, then by name. */
  firmUsers(manager: EntityManager | undefined, firmId: string): Promise<User[]> {
    return this.users(manager)
      .createQueryBuilder('u')
      .where('u.firm_id = :firmId', { firmId })
      .orderBy('u.firm_role', 'ASC')
      .addOrderBy('u.active', 'DESC')
      .addOrderBy('u.name', 'ASC')
      .getMany();
  }

  /** Staff accounts are those with no firm. */
  private staff(manager?: EntityManager): SelectQueryBuilder<User> {
    return this.users(manager).createQueryBuilder('u').where('u.firm_id IS NULL');
  }

  staffMember(id: string, manager?: EntityManager): Promise<User | null> {
    return this.staff(manager).andWhere('u.id = :id', { id }).getOne();
  }

  listStaff(filter: StaffFilter, query: ListQueryDto): Promise<[User[], number]> {
    const qb = this.staff();
    if (filter.q) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter.role) qb.andWhere(':role = ANY(u.roles)', { role: filter.role });
    if (filter.region) qb.andWhere(':region = ANY(u.regions)', { region: filter.region });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    return applyListQuery(qb, query, STAFF_SORTABLE, { field: 'name', order: 'ASC' }).getManyAndCount();
  }

  /** See isActiveReviewer of @sbo/shared. */
  async isActiveReviewer(manager: EntityManager, userId: string | null, region: Region): Promise<boolean> {
    if (!userId) return false;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM app_user u WHERE u.id = $1 AND ${activeReviewerSql('u', 'ARRAY[$2]::text[]')}`,
      [userId, region],
    );
    return rows.length > 0;
  }

  /** The active reps and leads of any of `regions`, each with only those of their regions. */
  activeReviewers(regions: Region[]): Promise<ReviewerAccount[]> {
    return this.dataSource.query(
      `SELECT id, name, email, roles, ARRAY(SELECT unnest(regions) INTERSECT SELECT unnest($1::text[]) ORDER BY 1) AS regions
       FROM app_user u
       WHERE ${activeReviewerSql('u', '$1::text[]')}
       ORDER BY name, id
       LIMIT 500`,
      [regions],
    );
  }

  // --- The lifecycle ---

  async createStaff(manager: EntityManager, account: NewStaffAccount): Promise<User> {
    const { identifiers } = await manager.insert(User, account);
    return this.staff(manager).andWhere('u.id = :id', { id: identifiers[0].id }).getOneOrFail();
  }

  /**
   * Changes a staff account if it still has `version`; false when it does not (or is no staff
   * account). Deactivating an active account ends its sessions at once.
   */
  async updateStaff(manager: EntityManager, id: string, version: number, changes: StaffChanges): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(User)
      .set({
        ...changes,
        ...NEXT_VERSION,
        // On the right of SET, `active` is the value before this update.
        ...(changes.active === false
          ? {
              tokenVersion: () => 'CASE WHEN active THEN token_version + 1 ELSE token_version END',
              deactivatedAt: () => 'CASE WHEN active THEN now() ELSE deactivated_at END',
            }
          : {}),
        ...(changes.active === true ? { deactivatedAt: null } : {}),
      })
      .where('id = :id AND version = :version AND firm_id IS NULL', { id, version })
      .execute();
    return Boolean(result.affected);
  }

  /** A partner's account in their firm, active at once. */
  async createPartner(manager: EntityManager, account: NewPartnerAccount): Promise<User> {
    const { role, ...rest } = account;
    const { identifiers } = await manager.insert(User, { ...rest, roles: [role], regions: [], active: true });
    return manager.findOneByOrFail(User, { id: identifiers[0].id });
  }

  /** Activates an account (a no-op on one already active), optionally giving it a new firm role. */
  async activate(manager: EntityManager, id: string, firmRole?: { firmRole: FirmRole; role: Role }): Promise<User> {
    await manager.update(User, { id }, {
      ...(firmRole ? { firmRole: firmRole.firmRole, roles: [firmRole.role] } : {}),
      active: true,
      deactivatedAt: null,
      ...NEXT_VERSION,
    });
    return manager.findOneByOrFail(User, { id });
  }

  /** The account can no longer log in, and the sessions it holds end on their next request. */
  async deactivate(manager: EntityManager, id: string): Promise<User> {
    await manager.update(User, { id }, { active: false, deactivatedAt: () => 'now()', ...END_SESSIONS, ...NEXT_VERSION });
    return manager.findOneByOrFail(User, { id });
  }

  /** Logout: every token the user holds stops working. */
  async endSessions(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(User, { id }, END_SESSIONS);
  }

  /** Any session opened with an earlier password ends. */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(User, { id }, { passwordHash, ...END_SESSIONS, ...NEXT_VERSION });
  }

  async setFirmRole(manager: EntityManager, id: string, firmRole: FirmRole, role: Role): Promise<User> {
    await manager.update(User, { id }, { firmRole, roles: [role], ...NEXT_VERSION });
    return manager.findOneByOrFail(User, { id });
  }
}
