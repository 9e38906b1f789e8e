import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  FirmRole,
  RegistrationAction,
  RegistrationDetail,
  RegistrationRecord,
  RegistrationStatus,
  SessionUser,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import type { User } from '../accounts/user.entity';
import { AuditService } from '../audit/audit.service';
import { AppError, notFound, ruleRefused, versionConflict } from '../common/app-error';
import type { ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import { adminCapReached, isAdminCapViolation, partnerRoleFor, violates } from '../delegation/admin-cap';
import type { Firm } from '../delegation/firm.entity';
import { FirmsRepository } from '../delegation/firms.repository';
import { InvitationsService } from '../delegation/invitations.service';
import { ContactsService } from '../contacts/contacts.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { CreateRegistrationDto } from './create-registration.dto';
import { taxIdDigits, verifyFirmTaxId } from './firm-verification';
import type { ApproveRegistrationDto, NewFirmDto, RegistrationDecisionDto, RejectRegistrationDto } from './registration-decision.dto';
import type { RegistrationListQueryDto } from './registration-list-query.dto';
import type { Registration } from './registration.entity';
import { RegistrationsRepository } from './registrations.repository';
import {
  allowedRegistrationActions,
  InvalidRegistrationTransitionError,
  nextRegistrationStatus,
} from './registration-state-machine';

const toRecord = (r: Registration): RegistrationRecord<Date> => ({
  id: r.id,
  email: r.email,
  name: r.name,
  firmName: r.firmName,
  firmTaxId: r.firmTaxId,
  status: r.status,
  firmId: r.firmId,
  userId: r.userId,
  decisionReason: r.decisionReason,
  taxIdOverrideReason: r.taxIdOverrideReason,
  decidedById: r.decidedById,
  decidedAt: r.decidedAt,
  version: r.version,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  allowedActions: allowedRegistrationActions(r.status),
});

const PAST_TENSE: Record<RegistrationAction, string> = {
  approve: 'approved',
  reject: 'rejected',
  lock: 'locked',
  unlock: 'unlocked',
  reinvite: 'reinvited',
  deactivate: 'deactivated',
};

type SignUpAnswer = { id: string; status: RegistrationStatus };

interface Decided {
  /** The firm concerned, locked; null when there is none (a rejection). */
  firm: Firm | null;
  changes?: Partial<Pick<Registration, 'firmId' | 'userId' | 'taxIdOverrideReason'>>;
}

/** A partner user's registration, as Employer Broker Services verifies and decides on it. */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly repository: RegistrationsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly invitations: InvitationsService,
    private readonly accounts: AccountsService,
    private readonly contacts: ContactsService,
    private readonly firms: FirmsRepository,
  ) {}

  /**
   * The public sign-up. One live registration per email; a rejected person may register again. The
   * answer is the same whether or not the email is already on file (or has an account), so nobody
   * learns from it whose addresses are known here.
   */
  async signUp(dto: CreateRegistrationDto): Promise<SignUpAnswer> {
    try {
      return await this.repository.transaction((manager) => this.register(manager, dto));
    } catch (error) {
      // Two sign-ups raced past the check and the unique index let one in: this one is now a repeat.
      if (!violates(error, 'registration_one_live_per_email')) throw error;
      return this.repository.transaction((manager) => this.register(manager, dto));
    }
  }

  private async register(manager: EntityManager, dto: CreateRegistrationDto): Promise<SignUpAnswer> {
    const onFile = await this.repository.findLive(manager, dto.email);
    if (onFile) return this.repeatSignUp(manager, dto, onFile);
    const created = await this.repository.insertPending(manager, dto);
    await this.audit.record(
      {
        actor: { id: null, email: dto.email },
        action: 'registration.submitted',
        entityType: 'Registration',
        entityId: created.id,
        after: { ...toRecord(created) },
      },
      manager,
    );
    return { id: created.id, status: created.status };
  }

  /**
   * A sign-up for an email already on file changes nothing. It is answered like a new one (with an
   * id that leads nowhere), audited on the registration on file, and its owner is told. The email
   * repeats nothing the caller typed: they may not be the owner.
   */
  private async repeatSignUp(manager: EntityManager, dto: CreateRegistrationDto, onFile: Registration): Promise<SignUpAnswer> {
    const answer: SignUpAnswer = { id: randomUUID(), status: 'PENDING' };
    await this.audit.record(
      {
        actor: { id: null, email: dto.email },
        action: 'registration.repeated',
        entityType: 'Registration',
        entityId: onFile.id,
        after: { answeredId: answer.id, name: dto.name, firmName: dto.firmName, firmTaxId: dto.firmTaxId },
        reason: 'A registration for this email is already on file: nothing was changed.',
      },
      manager,
    );
    await this.notifications.enqueue(
      {
        to: onFile.email,
        subject: 'Someone signed up again with your address',
        body:
          `Hello ${onFile.name},\n\nSomeone just signed up for the small-business partner portal with this email address. ` +
          'Your registration is already on file, so nothing was changed and no new account was made. ' +
          'If it was you, there is nothing more to do. If it was not, tell Employer Broker Services.\n\n' +
          (await this.ebsContact(manager)),
        template: 'registration.repeated',
        entityType: 'Registration',
        entityId: onFile.id,
      },
      manager,
    );
    return answer;
  }

  async list(query: RegistrationListQueryDto): Promise<ListResult<RegistrationRecord<Date>>> {
    const { rows, total } = await this.repository.list(query);
    return { data: rows.map(toRecord), total };
  }

  async get(id: string): Promise<RegistrationDetail<Date>> {
    const registration = await this.repository.find(id);
    if (!registration) throw notFound('Registration');
    return this.detail(undefined, registration);
  }

  /**
   * Links the partner to their firm (an existing one, or one created from the registration), creates
   * or activates their account, and emails them an invitation to set their password.
   */
  approve(id: string, dto: ApproveRegistrationDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    if (dto.firmId && dto.createFirm) {
      throw validationError([{ field: 'createFirm', messages: ['send either firmId or createFirm, not both'] }]);
    }
    return this.decide(id, 'approve', dto, actor, async (manager, registration) => {
      const firm = dto.createFirm
        ? await this.createFirm(manager, registration, dto.createFirm, actor)
        : await this.firms.lock(manager, dto.firmId ?? '');
      if (!firm) throw validationError([{ field: 'firmId', messages: ['no firm has this id'] }]);
      checkFirmTaxId(registration, firm, dto.overrideReason);
      const user = await this.openAccount(manager, registration, firm, dto.firmRole, actor);
      await this.sendInvitation(manager, firm, user, actor, 'registration.approved',
        'Your partner portal registration is approved',
        `Employer Broker Services approved your registration with ${firm.name} on the small-business partner portal.`);
      await this.firms.touch(manager, firm.id);
      return { firm, changes: { firmId: firm.id, userId: user.id, taxIdOverrideReason: dto.overrideReason ?? null } };
    });
  }

  reject(id: string, dto: RejectRegistrationDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    return this.decide(id, 'reject', dto, actor, async (manager, registration) => {
      await this.notifications.enqueue(
        {
          to: registration.email,
          subject: 'Your partner portal registration was not approved',
          body:
            `Hello ${registration.name},\n\nEmployer Broker Services could not approve your registration with ` +
            `${registration.firmName}.\n\nReason: ${dto.reason}\n\n${await this.ebsContact(manager)}`,
          template: 'registration.rejected',
          entityType: 'Registration',
          entityId: registration.id,
        },
        manager,
      );
      return { firm: null };
    });
  }

  /** A pause: the partner cannot log in, and their sessions end, until EBS unlocks them. */
  lock(id: string, dto: RegistrationDecisionDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    return this.decide(id, 'lock', dto, actor, async (manager, registration) => {
      const { firm, user } = await this.lockAccount(manager, registration);
      await this.endAccess(manager, user);
      await this.tell(manager, registration, user, 'registration.locked', 'Your partner portal access is locked',
        `Employer Broker Services locked your access to the partner portal for ${firm.name}.`, dto.reason);
      return { firm };
    });
  }

  unlock(id: string, dto: RegistrationDecisionDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    return this.decide(id, 'unlock', dto, actor, async (manager, registration) => {
      const { firm, user } = await this.lockAccount(manager, registration);
      await this.restoreAccess(manager, firm, user);
      await this.tell(manager, registration, user, 'registration.unlocked', 'Your partner portal access is restored',
        `Employer Broker Services unlocked your access to the partner portal for ${firm.name}. Log in as before.`,
        dto.reason);
      return { firm };
    });
  }

  /** A fresh invitation to set a password; for a deactivated partner it also restores access. */
  reinvite(id: string, dto: RegistrationDecisionDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    return this.decide(id, 'reinvite', dto, actor, async (manager, registration) => {
      const { firm, user } = await this.lockAccount(manager, registration);
      if (!user.active) await this.restoreAccess(manager, firm, user);
      await this.sendInvitation(manager, firm, user, actor, 'registration.reinvited',
        'A new invitation to the partner portal',
        `Employer Broker Services sent you a new invitation to the partner portal for ${firm.name}.`);
      return { firm };
    });
  }

  /** Ends access until EBS re-invites the partner. */
  deactivate(id: string, dto: RegistrationDecisionDto, actor: SessionUser): Promise<RegistrationDetail<Date>> {
    return this.decide(id, 'deactivate', dto, actor, async (manager, registration) => {
      const { firm, user } = await this.lockAccount(manager, registration);
      if (user.active) await this.endAccess(manager, user);
      await this.tell(manager, registration, user, 'registration.deactivated',
        'Your partner portal access is deactivated',
        `Employer Broker Services deactivated your access to the partner portal for ${firm.name}.`, dto.reason);
      return { firm };
    });
  }

  /**
   * One decision: the registration row is locked, its version and the state machine checked, the
   * decision applied and audited, all in one transaction with the email it sends.
   */
  private async decide(
    id: string,
    action: RegistrationAction,
    dto: { reason?: string; version?: number },
    actor: SessionUser,
    apply: (manager: EntityManager, registration: Registration) => Promise<Decided>,
  ): Promise<RegistrationDetail<Date>> {
    try {
      return await this.repository.transaction(async (manager) => {
        const registration = await this.repository.lock(manager, id);
        if (!registration) throw notFound('Registration');
        if (dto.version !== undefined && dto.version !== registration.version) throw versionConflict(registration.version);
        const status = nextStatus(registration.status, action);
        const { firm, changes } = await apply(manager, registration);
        await this.repository.update(manager, id, {
          ...changes,
          status,
          decisionReason: dto.reason ?? null,
          decidedById: actor.id,
          decidedAt: () => 'now()',
        });
        const after = await this.repository.findOrFail(manager, id);
        await this.audit.record(
          {
            actor,
            action: `registration.${PAST_TENSE[action]}`,
            entityType: 'Registration',
            entityId: id,
            region: firm?.region ?? null,
            firmId: firm?.id ?? null,
            before: { ...toRecord(registration) },
            after: { ...toRecord(after) },
            reason: dto.reason ?? null,
          },
          manager,
        );
        return this.detail(manager, after);
      });
    } catch (error) {
      if (isAdminCapViolation(error)) throw adminCapReached('This firm');
      if (violates(error, 'firm_tax_id_unique')) {
        throw new AppError(HttpStatus.CONFLICT, 'CONFLICT', 'A firm with this tax ID already exists: approve with its firmId.');
      }
      if (violates(error, 'app_user_email_unique')) throw accountElsewhere();
      throw error;
    }
  }

  private async createFirm(
    manager: EntityManager,
    registration: Registration,
    newFirm: NewFirmDto,
    actor: SessionUser,
  ): Promise<Firm> {
    const existing = await this.firms.findByTaxId(manager, registration.firmTaxId);
    if (existing) {
      throw new AppError(
        HttpStatus.CONFLICT,
        'CONFLICT',
        `${existing.name} already has tax ID ${registration.firmTaxId}: approve with its firmId instead of creating a firm.`,
        { firmId: existing.id },
      );
    }
    // A row this transaction inserted is its own until commit: no lock needed.
    const firm = await this.firms.insert(manager, {
      name: newFirm.name ?? registration.firmName,
      taxId: registration.firmTaxId,
      kind: newFirm.kind,
      region: newFirm.region,
    });
    await this.audit.record(
      {
        actor,
        action: 'firm.created',
        entityType: 'Firm',
        entityId: firm.id,
        region: firm.region,
        firmId: firm.id,
        after: { name: firm.name, taxId: firm.taxId, kind: firm.kind, region: firm.region },
        reason: `registration ${registration.id} approved`,
      },
      manager,
    );
    return firm;
  }

  /** Creates the partner's account, or activates the one they already have in this firm (keeping its role unless told). */
  private async openAccount(
    manager: EntityManager,
    registration: Registration,
    firm: Firm,
    requestedRole: FirmRole | undefined,
    actor: SessionUser,
  ): Promise<User> {
    const existing = await this.accounts.lockByEmail(manager, registration.email);
    if (existing && existing.firmId !== firm.id) throw accountElsewhere();
    const firmRole = requestedRole ?? existing?.firmRole ?? 'DELEGATE';
    const alreadyActiveAdmin = existing?.active === true && existing.firmRole === 'ADMIN';
    if (firmRole === 'ADMIN' && !alreadyActiveAdmin) await this.firms.checkAdminSeat(manager, firm);
    const role = partnerRoleFor(firm.kind, firmRole);
    if (existing) return this.accounts.activate(manager, existing.id, { firmRole, role });
    return this.accounts.createPartner(manager, {
      email: registration.email,
      name: registration.name,
      passwordHash: null,
      role,
      firmId: firm.id,
      firmRole,
      grantedById: actor.id,
    });
  }

  /** The approved partner's firm and account, locked in that order. */
  private async lockAccount(manager: EntityManager, registration: Registration): Promise<{ firm: Firm; user: User }> {
    // An approved, locked or deactivated registration always has both (a database check says so).
    const firm = await this.firms.lock(manager, registration.firmId ?? '');
    const user = registration.userId ? await this.accounts.lockById(manager, registration.userId) : null;
    if (!firm || !user) throw new Error(`Registration ${registration.id} has lost its firm or account`);
    return { firm, user };
  }

  private async endAccess(manager: EntityManager, user: User): Promise<void> {
    await this.accounts.deactivate(manager, user.id);
    await this.invitations.revokeOpenFor(manager, user);
  }

  private async restoreAccess(manager: EntityManager, firm: Firm, user: User): Promise<void> {
    if (user.firmRole === 'ADMIN') await this.firms.checkAdminSeat(manager, firm);
    await this.accounts.activate(manager, user.id);
  }

  private async sendInvitation(
    manager: EntityManager,
    firm: Firm,
    user: User,
    actor: SessionUser,
    template: string,
    subject: string,
    message: string,
  ): Promise<void> {
    // Only the newest invitation works.
    await this.invitations.revokeOpenFor(manager, user);
    await this.invitations.issue(manager, {
      firm,
      email: user.email,
      name: user.name,
      firmRole: user.firmRole ?? 'DELEGATE',
      userId: user.id,
      invitedBy: actor,
      subject,
      message,
      template,
    });
  }

  private async tell(
    manager: EntityManager,
    registration: Registration,
    user: User,
    template: string,
    subject: string,
    message: string,
    reason: string | undefined,
  ): Promise<void> {
    await this.notifications.enqueue(
      {
        to: user.email,
        subject,
        body: `Hello ${user.name},\n\n${message}${reason ? `\n\nReason: ${reason}` : ''}\n\n${await this.ebsContact(manager)}`,
        template,
        entityType: 'Registration',
        entityId: registration.id,
      },
      manager,
    );
  }

  /** The EBS mailbox is data an admin edits, not a constant. */
  private async ebsContact(manager: EntityManager): Promise<string> {
    const contact = await this.contacts.mailbox('EBS', null, manager);
    if (!contact) return 'Questions? Contact Employer Broker Services.';
    return `Questions? Contact Employer Broker Services: ${contact.email}${contact.phone ? `, ${contact.phone}` : ''}.`;
  }

  private async detail(manager: EntityManager | undefined, registration: Registration): Promise<RegistrationDetail<Date>> {
    const firm = registration.firmId
      ? await this.firms.find(registration.firmId, manager)
      : await this.firms.findByTaxIdDigits(taxIdDigits(registration.firmTaxId), manager);
    const user = registration.userId ? await this.accounts.findById(registration.userId, manager) : null;
    return {
      ...toRecord(registration),
      matchingFirm: firm ? { id: firm.id, name: firm.name, taxId: firm.taxId, kind: firm.kind, region: firm.region } : null,
      account: user ? { id: user.id, active: user.active, role: user.firmRole } : null,
    };
  }
}

/** EBS approves into the firm of the registered tax ID, or says why another firm is right. */
function checkFirmTaxId(registration: Registration, firm: Firm, overrideReason: string | undefined): void {
  const verification = verifyFirmTaxId(registration.firmTaxId, firm.taxId, overrideReason);
  if (verification === 'MISMATCH') {
    throw ruleRefused(
      'TAX_ID_MISMATCH',
      `${registration.name} registered with tax ID ${registration.firmTaxId}, but ${firm.name}'s is ${firm.taxId}. ` +
        'Approve into the firm with the registered tax ID, or give an overrideReason saying why this firm is right.',
      { registeredTaxId: registration.firmTaxId, firmTaxId: firm.taxId },
    );
  }
  if (verification === 'NOTHING_TO_OVERRIDE') {
    throw validationError([{ field: 'overrideReason', messages: [`${firm.name} has the registered tax ID: there is nothing to override`] }]);
  }
}

function nextStatus(status: RegistrationStatus, action: RegistrationAction): RegistrationStatus {
  try {
    return nextRegistrationStatus(status, action);
  } catch (error) {
    if (error instanceof InvalidRegistrationTransitionError) {
      throw ruleRefused('INVALID_TRANSITION', error.message, { status, action, allowedActions: allowedRegistrationActions(status) });
    }
    throw error;
  }
}

const accountElsewhere = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'CONFLICT',
    'This email already belongs to another account (staff, or a user of another firm). ' +
      'Ask the partner to register with their own work email at this firm.',
  );
