import { HttpStatus, Injectable } from '@nestjs/common';
import {
  type Action,
  adminCapFor,
  type AdminSeats,
  type AppAbility,
  asSubject,
  type FirmDetail,
  type FirmRecord,
  type FirmRole,
  type FirmUserRecord,
  type InvitationRecord,
  type Region,
  type SessionUser,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsService } from '../accounts/accounts.service';
import type { User } from '../accounts/user.entity';
import { accessibleSql } from '../authorization/accessible-sql';
import { AppError, forbidden, notFound, ruleRefused, versionConflict } from '../common/app-error';
import type { ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import { NotificationsService } from '../notifications/notifications.service';
import { adminCapReached, isAdminCapViolation, needsAdmin, partnerRoleFor, violates } from './admin-cap';
import type { DeactivateDelegateDto } from './deactivate-delegate.dto';
import type { DepartAdminDto } from './depart-admin.dto';
import { Firm } from './firm.entity';
import type { FirmListQueryDto } from './firm-list-query.dto';
import { FirmsRepository } from './firms.repository';
import { InvitationsService, toInvitationRecord } from './invitations.service';
import type { InviteFirmUserDto } from './invite-firm-user.dto';
import type { PromoteAdminDto } from './promote-admin.dto';

const toFirmRecord = ({ firm: f, seats }: { firm: Firm; seats: AdminSeats }): FirmRecord<Date> => ({
  id: f.id,
  name: f.name,
  taxId: f.taxId,
  kind: f.kind,
  region: f.region,
  version: f.version,
  activeAdminCount: seats.activeAdmins,
  needsAdmin: needsAdmin(seats.activeAdmins),
  adminCap: adminCapFor(f.kind),
  pendingAdminInvitationCount: seats.pendingAdminInvitations,
  createdAt: f.createdAt,
  updatedAt: f.updatedAt,
});

export const toFirmUserRecord = (u: User): FirmUserRecord<Date> => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.firmRole ?? 'DELEGATE',
  active: u.active,
  grantedById: u.grantedById,
  deactivatedAt: u.deactivatedAt,
});

const ROLE_PHRASE: Record<FirmRole, string> = { ADMIN: 'an administrator', DELEGATE: 'a delegate' };

/** GA support's delegation work: firms, their administrators and delegates, the cap, departures, invitations. */
@Injectable()
export class FirmsService {
  constructor(
    private readonly repository: FirmsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly invitations: InvitationsService,
    private readonly accounts: AccountsService,
  ) {}

  /** Firms the caller may read (a partner: their own firm only); those needing an administrator first by default. */
  async list(query: FirmListQueryDto, ability: AppAbility): Promise<ListResult<FirmRecord<Date>>> {
    const visible = accessibleSql(ability, 'read', 'Firm', { id: 'f.id' });
    const { rows, total } = await this.repository.list(query, visible);
    return { data: rows.map(toFirmRecord), total };
  }

  async get(id: string, ability: AppAbility): Promise<FirmDetail<Date>> {
    const firm = await this.repository.find(id);
    if (!firm || !ability.can('read', asSubject('Firm', { ...firm }))) throw notFound('Firm');
    return this.detail(undefined, id);
  }

  /** The firm's region (staff key submissions in for their firm's region); null when no such firm. */
  regionOf(id: string, manager?: EntityManager): Promise<Region | null> {
    return this.repository.regionOf(id, manager);
  }

  /** Promotes an active delegate to administrator, never above the cap of a General Agency. */
  promote(firmId: string, dto: PromoteAdminDto, actor: SessionUser, ability: AppAbility): Promise<FirmDetail<Date>> {
    return this.change(async (manager) => {
      const firm = await this.lockVisibleFirm(manager, firmId, ability, 'promoteAdmin');
      checkFirmVersion(firm, dto.version);
      const user = await this.delegateToPromote(manager, firm, dto.userId, 'userId');
      await this.promoteUser(manager, firm, user, actor, dto.reason ?? null);
      await this.repository.touch(manager, firm.id);
      return this.detail(manager, firm.id);
    });
  }

  /**
   * Deactivates a departed administrator: they can no longer log in and their sessions end at once.
   * Delegates stay active whoever granted them, and the firm keeps its records (drafts included).
   * A replacement, if named, is promoted in the same transaction, into the seat just freed.
   */
  depart(firmId: string, userId: string, dto: DepartAdminDto, actor: SessionUser, ability: AppAbility): Promise<FirmDetail<Date>> {
    if (dto.replacementUserId === userId) {
      throw validationError([{ field: 'replacementUserId', messages: ['the replacement must be someone other than the departing administrator'] }]);
    }
    return this.change(async (manager) => {
      const firm = await this.lockVisibleFirm(manager, firmId, ability, 'departAdmin');
      checkFirmVersion(firm, dto.version);
      const admin = await this.accounts.lockFirmUser(manager, firm.id, userId);
      if (!admin) throw notFound('User of this firm');
      if (admin.firmRole !== 'ADMIN' || !admin.active) {
        throw ruleRefused(
          'INVALID_TRANSITION',
          `${admin.name} is not an active administrator of ${firm.name}, so there is nothing to depart.`,
        );
      }
      const replacement = dto.replacementUserId
        ? await this.delegateToPromote(manager, firm, dto.replacementUserId, 'replacementUserId')
        : null;

      const departed = await this.accounts.deactivate(manager, admin.id);
      await this.audit.record(
        {
          actor,
          action: 'delegation.admin_departed',
          entityType: 'FirmUser',
          entityId: admin.id,
          region: firm.region,
          firmId: firm.id,
          before: { ...toFirmUserRecord(admin) },
          after: { ...toFirmUserRecord(departed), replacementUserId: replacement?.id ?? null },
          reason: dto.reason,
        },
        manager,
      );
      if (replacement) await this.promoteUser(manager, firm, replacement, actor, dto.reason);
      await this.repository.touch(manager, firm.id);
      return this.detail(manager, firm.id);
    });
  }

  /**
   * GA self-service: a firm's administrator deactivates one of its delegates. Their sessions end at
   * once; the firm keeps everything they did (drafts included). Administrators are not theirs to
   * deactivate (403): GA support departs them.
   */
  deactivateDelegate(
    firmId: string,
    userId: string,
    dto: DeactivateDelegateDto,
    actor: SessionUser,
    ability: AppAbility,
  ): Promise<FirmDetail<Date>> {
    return this.change(async (manager) => {
      const firm = await this.lockVisibleFirm(manager, firmId, ability);
      checkFirmVersion(firm, dto.version);
      const user = await this.accounts.lockFirmUser(manager, firm.id, userId);
      if (!user) throw notFound('User of this firm');
      if (!ability.can('deactivate', asSubject('FirmUser', { firmId: firm.id, role: user.firmRole ?? 'DELEGATE' }))) {
        throw forbidden(
          user.firmRole === 'ADMIN'
            ? 'Only GA support departs administrators. You may deactivate delegates of your own firm.'
            : 'You are not allowed to deactivate users of this firm.',
        );
      }
      if (!user.active) {
        throw ruleRefused('INVALID_TRANSITION', `${user.name} is already inactive at ${firm.name}.`);
      }
      const deactivated = await this.accounts.deactivate(manager, user.id);
      await this.audit.record(
        {
          actor,
          action: 'delegation.delegate_deactivated',
          entityType: 'FirmUser',
          entityId: user.id,
          region: firm.region,
          firmId: firm.id,
          before: { ...toFirmUserRecord(user) },
          after: { ...toFirmUserRecord(deactivated) },
          reason: dto.reason,
        },
        manager,
      );
      await this.repository.touch(manager, firm.id);
      return this.detail(manager, firm.id);
    });
  }

  /**
   * Invites a new administrator or delegate by email. An administrator invitation holds one of the
   * seats under a General Agency's cap until it is accepted or expires. An address that already has an
   * account is answered the same way (see InvitationsService.issue): its owner gets a notice instead.
   */
  invite(firmId: string, dto: InviteFirmUserDto, actor: SessionUser, ability: AppAbility): Promise<InvitationRecord<Date>> {
    return this.change(async (manager) => {
      const firm = await this.lockVisibleFirm(manager, firmId, ability);
      if (!ability.can('invite', asSubject('FirmUser', { firmId: firm.id, role: dto.role }))) {
        throw forbidden(
          dto.role === 'ADMIN'
            ? 'Only GA support adds administrators. You may invite delegates to your own firm.'
            : 'You are not allowed to invite users to this firm.',
        );
      }
      await this.closeInvitationsFor(manager, firm.id, dto.email);
      if (dto.role === 'ADMIN') await this.repository.checkAdminSeat(manager, firm);
      const invitation = await this.invitations.issue(manager, {
        firm,
        email: dto.email,
        name: dto.name,
        firmRole: dto.role,
        userId: null,
        invitedBy: actor,
        subject: `You are invited to ${firm.name} on the partner portal`,
        message: `${actor.name} invited you to ${firm.name} as ${ROLE_PHRASE[dto.role]} on the small-business partner portal.`,
        template: 'delegation.invitation',
      });
      const record = toInvitationRecord(invitation);
      await this.audit.record(
        {
          actor,
          action: 'delegation.invitation_sent',
          entityType: 'FirmInvitation',
          entityId: invitation.id,
          region: firm.region,
          firmId: firm.id,
          after: { ...record },
        },
        manager,
      );
      await this.repository.touch(manager, firm.id);
      return record;
    });
  }

  /** Runs a delegation change, turning the database's own refusals into the API's answers. */
  private async change<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.repository.transaction(work);
    } catch (error) {
      // Our own count runs under the firm lock, so this fires only if a change bypassed it.
      if (isAdminCapViolation(error)) throw adminCapReached('This firm');
      if (violates(error, 'firm_invitation_one_open_per_email')) throw invitationPending();
      throw error;
    }
  }

  /** Not visible → 404 (another firm's existence is never revealed); visible but not allowed → 403. */
  private async lockVisibleFirm(manager: EntityManager, id: string, ability: AppAbility, action?: Action): Promise<Firm> {
    const firm = await this.repository.lock(manager, id);
    if (!firm || !ability.can('read', asSubject('Firm', { ...firm }))) throw notFound('Firm');
    if (action && !ability.can(action, asSubject('Firm', { ...firm }))) throw forbidden();
    return firm;
  }

  private async delegateToPromote(manager: EntityManager, firm: Firm, userId: string, field: string): Promise<User> {
    const user = await this.accounts.lockFirmUser(manager, firm.id, userId);
    if (!user) throw validationError([{ field, messages: [`no user of ${firm.name} has this id`] }]);
    if (!user.active) {
      throw ruleRefused(
        'INVALID_TRANSITION',
        `${user.name} is inactive and cannot be promoted. Promote an active delegate, or invite a new administrator.`,
      );
    }
    if (user.firmRole === 'ADMIN') {
      throw ruleRefused('INVALID_TRANSITION', `${user.name} is already an administrator of ${firm.name}.`);
    }
    return user;
  }

  private async promoteUser(manager: EntityManager, firm: Firm, user: User, actor: SessionUser, reason: string | null) {
    await this.repository.checkAdminSeat(manager, firm);
    const promoted = await this.accounts.setFirmRole(manager, user.id, 'ADMIN', partnerRoleFor(firm.kind, 'ADMIN'));
    await this.audit.record(
      {
        actor,
        action: 'delegation.admin_promoted',
        entityType: 'FirmUser',
        entityId: user.id,
        region: firm.region,
        firmId: firm.id,
        before: { ...toFirmUserRecord(user), roles: user.roles },
        after: { ...toFirmUserRecord(promoted), roles: promoted.roles },
        reason,
      },
      manager,
    );
    await this.notifications.enqueue(
      {
        to: promoted.email,
        subject: `You are now an administrator of ${firm.name}`,
        body:
          `Hello ${promoted.name},\n\nGA support made you an administrator of ${firm.name} on the partner portal. ` +
          'You can now manage your firm\'s delegates. Your password is unchanged.',
        template: 'delegation.admin_promoted',
        entityType: 'FirmUser',
        entityId: promoted.id,
      },
      manager,
    );
  }

  /**
   * An open invitation of this firm to the same email blocks a new one (the inviter sees it among the
   * firm's open invitations); an expired one is closed to make room. Other firms' invitations are no
   * concern of this one, and telling of them would say who else invited the address.
   */
  private async closeInvitationsFor(manager: EntityManager, firmId: string, email: string): Promise<void> {
    if (await this.repository.hasOpenInvitation(manager, firmId, email)) throw invitationPending();
    await this.repository.revokeInvitationsTo(manager, firmId, email);
  }

  private async detail(manager: EntityManager | undefined, id: string): Promise<FirmDetail<Date>> {
    const firm = await this.repository.findWithSeats(id, manager);
    if (!firm) throw notFound('Firm');
    const users = await this.accounts.firmUsers(manager, id);
    const invitations = await this.repository.openInvitations(id, manager);
    return {
      ...toFirmRecord(firm),
      users: users.map(toFirmUserRecord),
      invitations: invitations.map(toInvitationRecord),
    };
  }
}

function checkFirmVersion(firm: Firm, expected: number | undefined): void {
  if (expected !== undefined && expected !== firm.version) throw versionConflict(firm.version);
}

const invitationPending = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'CONFLICT',
    'An invitation to this email is already open. The person can use it until it expires; check the firm\'s open invitations.',
  );
