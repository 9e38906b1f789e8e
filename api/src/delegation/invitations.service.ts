import { HttpStatus, Injectable } from '@nestjs/common';
import type { FirmRole, InvitationRecord } from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AccountsService } from '../accounts/accounts.service';
import { hashPassword } from '../accounts/password';
import type { User } from '../accounts/user.entity';
import { AppError, notFound, ruleRefused } from '../common/app-error';
import { ContactsService } from '../contacts/contacts.service';
import { hashLinkToken, LINK_PLACEHOLDER } from '../notifications/email-links';
import { type OutgoingEmail, NotificationsService } from '../notifications/notifications.service';
import { adminCapReached, isAdminCapViolation, partnerRoleFor, violates } from './admin-cap';
import type { AcceptInvitationDto } from './accept-invitation.dto';
import type { Firm } from './firm.entity';
import type { FirmInvitation } from './firm-invitation.entity';
import { FirmsRepository } from './firms.repository';
import { INVITATION_LINK } from './invitation-links';
import { INVITATION_REFUSALS, invitationExpiry, invitationState } from './invitation-token';

export const toInvitationRecord = (i: FirmInvitation): InvitationRecord<Date> => ({
  id: i.id,
  firmId: i.firmId,
  email: i.email,
  name: i.name,
  role: i.firmRole,
  userId: i.userId,
  invitedById: i.invitedById,
  expiresAt: i.expiresAt,
  createdAt: i.createdAt,
});

export interface NewInvitation {
  firm: Firm;
  email: string;
  name: string;
  firmRole: FirmRole;
  /** The existing account whose password the invitation sets; null creates the account on acceptance. */
  userId: string | null;
  invitedBy: { id: string };
  subject: string;
  /** The email's opening sentence: why they are invited. */
  message: string;
  template: string;
}

export interface AcceptedInvitation {
  userId: string;
  email: string;
  name: string;
  firmId: string;
  role: FirmRole;
}

const UTC_DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** Invitations to set a password: single use, expiring, and only the token's hash is stored. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly repository: FirmsRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly contacts: ContactsService,
    private readonly accounts: AccountsService,
  ) {}

  /**
   * Writes the invitation and its email in the caller's transaction (the firm already locked). The
   * token is minted when the email is sent (invitation-links.ts). An invitation to create an account
   * for an address that already has one is written and answered like any other, so the inviter never
   * learns which addresses have accounts; it can never be accepted, and its email tells the owner.
   */
  async issue(manager: EntityManager, input: NewInvitation): Promise<FirmInvitation> {
    const invitation = await this.repository.insertInvitation(manager, {
      firmId: input.firm.id,
      email: input.email,
      name: input.name,
      firmRole: input.firmRole,
      userId: input.userId,
      expiresAt: invitationExpiry(new Date()),
      invitedById: input.invitedBy.id,
    });
    const addressHasAccount = input.userId === null && (await this.accounts.emailHasAccount(input.email, manager));
    await this.notifications.enqueue(
      addressHasAccount ? await this.noticeToAccountHolder(invitation, input) : invitationEmail(invitation, input),
      manager,
    );
    return invitation;
  }

  private async noticeToAccountHolder(invitation: FirmInvitation, input: NewInvitation): Promise<OutgoingEmail> {
    const gaSupport = await this.contacts.mailbox('GA_SUPPORT');
    return {
      to: invitation.email,
      subject: `An invitation to ${input.firm.name} for your address`,
      body:
        `Hello,\n\n${input.message}\n\n` +
        'This address already has an account, so the invitation cannot be used and carries no link. ' +
        `If you expected it, contact GA support${gaSupport ? ` at ${gaSupport.email}` : ''}. ` +
        'If you did not, you can ignore this email: your account is unchanged.',
      template: 'delegation.invitation_for_existing_account',
      entityType: 'FirmInvitation',
      entityId: invitation.id,
    };
  }

  /**
   * Earlier invitations of an account stop working when a new one is sent or its access ends; so do
   * invitations to create an account for its address, which it can never take (they would hold seats).
   */
  async revokeOpenFor(manager: EntityManager, user: { id: string; email: string }): Promise<void> {
    await this.repository.revokeInvitationsOf(manager, user);
  }

  /** Sets the password of the invited person, creating their account when it does not exist yet. */
  async accept(dto: AcceptInvitationDto): Promise<AcceptedInvitation> {
    const tokenHash = hashLinkToken(dto.token);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.repository.transaction(async (manager) => {
        const found = await this.repository.findInvitationByTokenHash(manager, tokenHash);
        if (!found) throw notFound('Invitation');
        const firm = await this.repository.lock(manager, found.firmId);
        if (!firm) throw notFound('Invitation');
        const invitation = await this.repository.lockInvitation(manager, found.id);
        const state = invitationState(invitation, new Date());
        if (state !== 'OPEN') throw ruleRefused('INVALID_TRANSITION', INVITATION_REFUSALS[state], { invitation: state });
        await this.repository.markInvitationAccepted(manager, invitation.id);
        const user = invitation.userId
          ? await this.setPassword(manager, invitation.userId, passwordHash)
          : await this.createAccount(manager, firm, invitation, passwordHash);
        await this.repository.touch(manager, firm.id);
        await this.audit.record(
          {
            actor: { id: user.id, email: user.email },
            action: 'delegation.invitation_accepted',
            entityType: 'FirmUser',
            entityId: user.id,
            region: firm.region,
            firmId: firm.id,
            after: { invitationId: invitation.id, role: user.firmRole, active: user.active, passwordSet: true },
          },
          manager,
        );
        return { userId: user.id, email: user.email, name: user.name, firmId: firm.id, role: user.firmRole ?? invitation.firmRole };
      });
    } catch (error) {
      if (isAdminCapViolation(error)) throw adminCapReached('This firm');
      if (violates(error, 'app_user_email_unique')) throw emailTaken();
      throw error;
    }
  }

  private async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<User> {
    const user = await this.accounts.lockById(manager, userId);
    if (!user) throw new Error(`The invited account ${userId} is gone`);
    if (!user.active) {
      throw ruleRefused(
        'INVALID_TRANSITION',
        'Your account is locked or deactivated, so this invitation cannot be used. Contact Employer Broker Services.',
      );
    }
    await this.accounts.setPassword(manager, user.id, passwordHash);
    return user;
  }

  private async createAccount(
    manager: EntityManager,
    firm: Firm,
    invitation: FirmInvitation,
    passwordHash: string,
  ): Promise<User> {
    if (await this.accounts.emailHasAccount(invitation.email, manager)) throw emailTaken();
    // The cap is checked again: seats held by expired invitations may have been taken meanwhile.
    if (invitation.firmRole === 'ADMIN') await this.repository.checkAdminSeat(manager, firm);
    return this.accounts.createPartner(manager, {
      email: invitation.email,
      name: invitation.name,
      passwordHash,
      role: partnerRoleFor(firm.kind, invitation.firmRole),
      firmId: firm.id,
      firmRole: invitation.firmRole,
      grantedById: invitation.invitedById,
    });
  }
}

export const emailTaken = () =>
  new AppError(
    HttpStatus.CONFLICT,
    'CONFLICT',
    'An account with this email already exists. Log in with it, or ask GA support or EBS for help.',
  );

const invitationEmail = (invitation: FirmInvitation, input: NewInvitation): OutgoingEmail => ({
  to: invitation.email,
  subject: input.subject,
  body:
    `Hello ${input.name},\n\n${input.message}\n\n` +
    `Set your password to start: ${LINK_PLACEHOLDER}\n\n` +
    `This link works once and expires on ${UTC_DATE_TIME.format(invitation.expiresAt)} UTC. ` +
    'If you did not expect this email, you can ignore it.',
  template: input.template,
  entityType: 'FirmInvitation',
  entityId: invitation.id,
  link: { kind: INVITATION_LINK, targetId: invitation.id },
});
