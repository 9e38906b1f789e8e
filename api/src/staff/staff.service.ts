import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isReviewerRole, type SessionUser } from '@sbo/shared';
import { DataSource } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { hashPassword } from '../accounts/password';
import type { User } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound, versionConflict } from '../common/app-error';
import type { ListResult } from '../common/list-query.dto';
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
  if (roles.some(isReviewerRole) && regions.length === 0) {
    throw validationError([{ field: 'regions', messages: ['a rep or lead needs at least one region'] }]);
  }
}

/** Staff accounts: users with no firm. Partner users are managed by GA support and EBS. */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: AccountsService,
  ) {}

  async list(query: StaffListQueryDto): Promise<ListResult<StaffRecord>> {
    const { q, role, region, active } = query;
    const filter = { q, role, region, active: active === undefined ? undefined : active === 'true' };
    const [rows, total] = await this.accounts.listStaff(filter, query);
    return { data: rows.map(toRecord), total };
  }

  async get(id: string): Promise<StaffRecord> {
    const user = await this.accounts.staffMember(id);
    if (!user) throw notFound('Staff member');
    return toRecord(user);
  }

  async create(dto: CreateStaffDto, actor: SessionUser): Promise<StaffRecord> {
    checkRegions(dto.roles, dto.regions);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const taken = await this.accounts.emailHasAccount(dto.email, manager);
      if (taken) throw new AppError(409, 'CONFLICT', `An account with the email ${dto.email} already exists.`);
      const created = await this.accounts.createStaff(manager, {
        email: dto.email,
        name: dto.name,
        phone: dto.phone ?? null,
        passwordHash,
        roles: dto.roles,
        regions: dto.regions,
      });
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
      const before = await this.accounts.staffMember(id, manager);
      if (!before) throw notFound('Staff member');
      const { version, ...changes } = dto;
      checkRegions(changes.roles ?? before.roles, changes.regions ?? before.regions);
      if (id === actor.id && (changes.active === false || (changes.roles && !changes.roles.includes('admin')))) {
        throw validationError([{ field: 'active', messages: ['you cannot deactivate yourself or remove your own admin role'] }]);
      }
      const deactivating = changes.active === false && before.active;
      if (!(await this.accounts.updateStaff(manager, id, version, changes))) throw versionConflict(before.version);
      const after = toRecord((await this.accounts.staffMember(id, manager))!);
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
