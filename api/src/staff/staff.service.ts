import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type SessionUser } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/password';
import { User } from '../auth/user.entity';
import { AppError, notFound, versionConflict } from '../common/app-error';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import type { CreateStaffDto, StaffListQueryDto, UpdateStaffDto } from './staff.dto';

export interface StaffRecord {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  roles: User['roles'];
  regions: User['regions'];
  active: boolean;
  version: number;
  createdAt: Date;
}

const toRecord = (u: User): StaffRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  phone: u.phone,
  roles: u.roles,
  regions: u.regions,
  active: u.active,
  version: u.version,
  createdAt: u.createdAt,
});

/** Reviewers work regions: a rep or lead without one would see an empty queue forever. */
function checkRegions(roles: readonly string[], regions: readonly string[]) {
  if ((roles.includes('rep') || roles.includes('lead')) && regions.length === 0) {
    throw validationError([{ field: 'regions', messages: ['a rep or lead needs at least one region'] }]);
  }
}

const SORTABLE = { name: 'u.name', email: 'u.email', createdAt: 'u.created_at', active: 'u.active' };

/** Staff accounts: users with no firm. Partner users are managed by GA support and EBS. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  private staff(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(User).createQueryBuilder('u').where('u.firm_id IS NULL');
  }

  async list(query: StaffListQueryDto): Promise<ListResult<StaffRecord>> {
    const qb = this.staff();
    if (query.q) qb.andWhere('(u.name ILIKE :q OR u.email ILIKE :q)', { q: `%${query.q.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.region) qb.andWhere(':region = ANY(u.regions)', { region: query.region });
    if (query.active) qb.andWhere('u.active = :active', { active: query.active === 'true' });
    const [rows, total] = await applyListQuery(qb, query, SORTABLE, { field: 'name', order: 'ASC' }).getManyAndCount();
    return { data: rows.map(toRecord), total };
  }

  async get(id: string): Promise<StaffRecord> {
    const user = await this.staff().andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('Staff member');
    return toRecord(user);
  }

  async create(dto: CreateStaffDto, actor: SessionUser): Promise<StaffRecord> {
    checkRegions(dto.roles, dto.regions);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const taken = await manager.getRepository(User).exist({ where: { email: dto.email } });
      if (taken) throw new AppError(409, 'CONFLICT', `An account with the email ${dto.email} already exists.`);
      const { identifiers } = await manager.insert(User, {
        email: dto.email,
        name: dto.name,
        phone: dto.phone ?? null,
        passwordHash,
        roles: dto.roles,
        regions: dto.regions,
      });
      const created = await this.staff(manager).andWhere('u.id = :id', { id: identifiers[0].id }).getOneOrFail();
      const record = toRecord(created);
      await this.audit.record(
        { actor, action: 'staff.created', entityType: 'User', entityId: created.id, after: { ...record } },
        manager,
      );
      return record;
    });
  }

  async update(id: string, dto: UpdateStaffDto, actor: SessionUser): Promise<StaffRecord> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.staff(manager).andWhere('u.id = :id', { id }).getOne();
      if (!before) throw notFound('Staff member');
      const { version, ...changes } = dto;
      checkRegions(changes.roles ?? before.roles, changes.regions ?? before.regions);
      if (id === actor.id && (changes.active === false || (changes.roles && !changes.roles.includes('admin')))) {
        throw validationError([{ field: 'active', messages: ['you cannot deactivate yourself or remove your own admin role'] }]);
      }
      const deactivating = changes.active === false && before.active;
      const result = await manager
        .createQueryBuilder()
        .update(User)
        .set({
          ...changes,
          version: () => 'version + 1',
          // Ending access at once: the session check compares this on every request.
          ...(deactivating ? { tokenVersion: () => 'token_version + 1', deactivatedAt: () => 'now()' } : {}),
          ...(changes.active === true ? { deactivatedAt: null } : {}),
        })
        .where('id = :id AND version = :version AND firm_id IS NULL', { id, version })
        .execute();
      if (!result.affected) throw versionConflict(before.version);
      const after = toRecord(await this.staff(manager).andWhere('u.id = :id', { id }).getOneOrFail());
      await this.audit.record(
        {
          actor,
          action: deactivating ? 'staff.deactivated' : 'staff.updated',
          entityType: 'User',
          entityId: id,
          before: { ...toRecord(before) },
          after: { ...after },
        },
        manager,
      );
      return after;
    });
  }
}
