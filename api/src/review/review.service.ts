import { Injectable } from '@nestjs/common';
import {
  type AppAbility,
  asSubject,
  REGION_NAMES,
  type Region,
  RETURN_REGIONS,
  type ReviewAction,
  type ReviewState,
  type SessionUser,
  type StaffSubmissionDetail,
  type StaffSubmissionRecord,
} from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../calendar/clock';
import { type AppError, forbidden, notFound, ruleRefused, versionConflict } from '../common/app-error';
import { validationError } from '../common/validation';
import { ContactsService } from '../contacts/contacts.service';
import { FirmsService } from '../delegation/firms.service';
import { NotificationsService, type OutgoingEmail } from '../notifications/notifications.service';
import { correctedFields, fieldChanges } from '../submissions/correction';
import { EligibilityService } from '../submissions/eligibility.service';
import { requestedItems } from '../submissions/pending-items';
import { submissionAudit } from '../submissions/submission-audit';
import type { Submission } from '../submissions/submission.entity';
import { SubmissionsRepository } from '../submissions/submissions.repository';
import { SubmissionsService, submissionSubject } from '../submissions/submissions.service';
import { transition } from '../submissions/transition';
import { clockOf, dueDate, resumeClock } from '../submissions/turnaround';
import type { AssignSubmissionDto } from './assign-submission.dto';
import type { CorrectSubmissionDto } from './correct-submission.dto';
import type { CreateStaffSubmissionDto } from './create-staff-submission.dto';
import type { ReferOfflineDto } from './refer-offline.dto';
import type { RequestItemsDto } from './request-items.dto';
import type { ReturnSubmissionDto } from './return-submission.dto';
import {
  approvedEmail,
  contactLine,
  correctedEmail,
  itemsRequestedEmail,
  type Recipient,
  referredOfflineEmail,
  returnedEmail,
  type ReviewerContact,
} from './review-emails';
import { StaffSubmissionsService } from './staff-submissions.service';
import type { VersionDto } from './version.dto';

/**
 * Why CASL refused a staff entry, told without revealing a firm of another region: such a firm is
 * "not found", exactly like one that does not exist. Each probe is the would-be submission varied.
 */
function staffEntryRefusal(ability: AppAbility, dto: CreateStaffSubmissionDto, firmRegion: Region | null): AppError {
  const entry = (region: Region, firmRegion: Region | null) =>
    ability.can('create', asSubject('Submission', { region, channel: dto.channel, firmId: dto.firmId ?? null, firmRegion }));
  if (!entry(dto.region, null)) return forbidden(`You key in ${dto.channel} submissions for your own regions only.`);
  if (!firmRegion || !entry(firmRegion, firmRegion)) return notFound('Firm');
  return forbidden(
    `The firm is in ${REGION_NAMES[firmRegion]} (${firmRegion}): key its submission in for ${firmRegion}, not ${dto.region}.`,
  );
}

/** A review action at work: the locked record as read, and the state the transition leads to. */
interface Step {
  manager: EntityManager;
  s: Submission;
  target: ReviewState;
}

/** Why the region refuses the action, naming the one it allows instead. */
function regionPolicyMessage(action: 'correct' | 'return', region: Submission['region']): string {
  const name = REGION_NAMES[region];
  return action === 'correct'
    ? `In ${name} a representative returns a submission for corrections and never edits it; use Return instead.`
    : `In ${name} a representative corrects a submission in place; returning is for ${RETURN_REGIONS.map((r) => REGION_NAMES[r]).join(', ')} only. Use Correct instead.`;
}

/**
 * The review actions on one submission. Each runs in one transaction on the locked record:
 * visible to the caller (else 404), allowed by CASL (region policy 422, otherwise 403), still at
 * the version the caller read (else 409), allowed from its state (else 422), then written with
 * `WHERE version = ...`, audited and, where the submitter must know, emailed through the outbox.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly repository: SubmissionsRepository,
    private readonly accounts: AccountsService,
    private readonly staff: StaffSubmissionsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly contacts: ContactsService,
    private readonly eligibility: EligibilityService,
    private readonly firms: FirmsService,
  ) {}

  claim(user: SessionUser, ability: AppAbility, id: string, dto: VersionDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'claim', dto.version, async ({ manager, s, target }) => {
      const updated = await this.write(manager, s, { state: target, assigneeId: user.id });
      await this.record(manager, user, 'submission.claimed', s, updated);
      return updated;
    });
  }

  release(user: SessionUser, ability: AppAbility, id: string, dto: VersionDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'release', dto.version, async ({ manager, s, target }) => {
      const updated = await this.write(manager, s, { state: target, assigneeId: null });
      await this.record(manager, user, 'submission.released', s, updated);
      return updated;
    });
  }

  /** A lead gives the submission to an active rep or lead of its region (reassigning it if held). */
  assign(user: SessionUser, ability: AppAbility, id: string, dto: AssignSubmissionDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'assign', dto.version, async ({ manager, s, target }) => {
      if (!(await this.submissions.isActiveReviewer(manager, dto.assigneeId, s.region))) {
        throw validationError([
          { field: 'assigneeId', messages: [`assigneeId must be an active representative or lead of ${REGION_NAMES[s.region]}.`] },
        ]);
      }
      const updated = await this.write(manager, s, { state: target, assigneeId: dto.assigneeId });
      await this.record(manager, user, 'submission.assigned', s, updated);
      return updated;
    });
  }

  /**
   * A correction in place (not in CA): every field sent must be one CASL lets the caller correct;
   * each field that changes is audited (field, old, new, reason) and the submitter gets the list.
   */
  correct(user: SessionUser, ability: AppAbility, id: string, dto: CorrectSubmissionDto): Promise<StaffSubmissionRecord<Date>> {
    const fields = correctedFields(dto);
    return this.act(
      user,
      ability,
      id,
      'correct',
      dto.version,
      async ({ manager, s }) => {
        const changes = fieldChanges(s, fields);
        if (!changes.length) {
          throw validationError([
            { field: fields[0]?.field ?? 'version', messages: ['Send at least one field whose value differs from the current one.'] },
          ]);
        }
        const updated = await this.write(manager, s, Object.fromEntries(changes.map((c) => [c.column, c.value])));
        await this.audit.record(
          changes.map((c) =>
            submissionAudit(user, 'submission.corrected', updated, {
              before: { [c.field]: c.from },
              after: { [c.field]: c.value },
              reason: dto.reason,
            }),
          ),
          manager,
        );
        const rep = await this.reviewer(manager, user.id);
        await this.email(manager, updated, (to) => correctedEmail(to, updated, changes, dto.reason, rep));
        return updated;
      },
      (s) => {
        const subject = submissionSubject(s);
        const refused = fields.filter((f) => !ability.can('correct', subject, f.field)).map((f) => f.field);
        if (refused.length) throw forbidden(`A representative may not correct ${refused.join(', ')}.`);
      },
    );
  }

  /** CA only: back to the submitter with instructions ending in the rep's contact details; the clock pauses. */
  return(user: SessionUser, ability: AppAbility, id: string, dto: ReturnSubmissionDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'return', dto.version, async ({ manager, s, target }) => {
      const rep = await this.reviewer(manager, user.id);
      const updated = await this.write(manager, s, {
        ...this.waitOnSubmitter(s, user),
        state: target,
        instructions: `${dto.instructions.trim()}\n\n${contactLine(rep)}`,
        pendingItems: [],
      });
      await this.record(manager, user, 'submission.returned', s, updated, { instructions: updated.instructions });
      await this.email(manager, updated, (to) => returnedEmail(to, updated));
      return updated;
    });
  }

  /** Any region: the rep names the documents still needed; each clears itself when one of its kind arrives. */
  requestItems(user: SessionUser, ability: AppAbility, id: string, dto: RequestItemsDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'requestItems', dto.version, async ({ manager, s, target }) => {
      const rep = await this.reviewer(manager, user.id);
      const items = requestedItems(dto.items);
      const updated = await this.write(manager, s, {
        ...this.waitOnSubmitter(s, user),
        state: target,
        instructions: `${dto.instructions.trim()}\n\n${contactLine(rep)}`,
        pendingItems: items,
      });
      await this.record(manager, user, 'submission.items_requested', s, updated, {
        pendingItems: items,
        instructions: updated.instructions,
      });
      await this.email(manager, updated, (to) => itemsRequestedEmail(to, updated, items));
      return updated;
    });
  }

  approve(user: SessionUser, ability: AppAbility, id: string, dto: VersionDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'approve', dto.version, async ({ manager, s, target }) => {
      const updated = await this.write(manager, s, { state: target, decidedAt: this.clock.now(), lastReviewerId: user.id });
      await this.record(manager, user, 'submission.approved', s, updated);
      await this.email(manager, updated, (to) => approvedEmail(to, updated));
      return updated;
    });
  }

  /** It must continue outside the system: the instructions say why and where to send it. */
  referOffline(user: SessionUser, ability: AppAbility, id: string, dto: ReferOfflineDto): Promise<StaffSubmissionRecord<Date>> {
    return this.act(user, ability, id, 'referOffline', dto.version, async ({ manager, s, target }) => {
      const [rep, mailbox, calendar] = await Promise.all([
        this.reviewer(manager, user.id),
        this.contacts.mailbox('ENROLLMENT', s.region),
        this.calendar.calendarFor(s.region),
      ]);
      const where = mailbox ? `Send the enrollment package to ${mailbox.label} at ${mailbox.email}.` : '';
      const updated = await this.write(manager, s, {
        // A wait on the submitter ends here: those days stay out of the age.
        ...(s.waitingSince ? resumeClock(clockOf(s), this.calendar.today(s.region), calendar) : {}),
        state: target,
        instructions: [dto.reason.trim(), where, contactLine(rep)].filter(Boolean).join('\n\n'),
        decidedAt: this.clock.now(),
        lastReviewerId: user.id,
      });
      await this.record(manager, user, 'submission.referred_offline', s, updated, { instructions: updated.instructions }, dto.reason);
      await this.email(manager, updated, (to) => referredOfflineEmail(to, updated));
      return updated;
    });
  }

  /**
   * Staff key in an EMAIL or OFFLINE submission: the intake eligibility rules apply unless a
   * `bypassReason` is given, which is stored and audited with the rule it set aside. It goes
   * straight to the queue with its due date. Completeness is shown (`problems`), not enforced:
   * the forms came with the email or the paper package.
   */
  async create(user: SessionUser, ability: AppAbility, dto: CreateStaffSubmissionDto): Promise<StaffSubmissionDetail<Date>> {
    return this.submissions.transaction(async (manager) => {
      const firmRegion = dto.firmId ? await this.firms.regionOf(dto.firmId, manager) : null;
      const wouldBe = { region: dto.region, channel: dto.channel, firmId: dto.firmId ?? null, firmRegion };
      if ((dto.firmId && !firmRegion) || !ability.can('create', asSubject('Submission', wouldBe))) {
        throw staffEntryRefusal(ability, dto, firmRegion);
      }
      const today = this.calendar.today(dto.region);
      const violation = await this.eligibility.violation(
        {
          type: dto.type,
          region: dto.region,
          paymentMethod: dto.paymentMethod ?? null,
          group: { multiMarket: dto.group?.multiMarket ?? false, guaranteedAvailability: dto.group?.guaranteedAvailability ?? false },
          requestedEffectiveDate: dto.requestedEffectiveDate ?? null,
        },
        today,
      );
      if (violation && !dto.bypassReason) {
        throw ruleRefused(violation.code, `${violation.message} To key it in anyway, give a bypassReason: it is recorded and audited.`);
      }
      const now = this.clock.now();
      const due = dueDate(today, await this.calendar.calendarFor(dto.region));
      const created = await this.submissions.create(manager, user, {
        fields: dto,
        columns: {
          firmId: dto.firmId ?? null,
          channel: dto.channel,
          state: 'SUBMITTED',
          // Staff relay the carrier's emails to whoever sent it in by email or on paper.
          submittedById: user.id,
          submittedAt: now,
          completeSubmittedAt: now,
          dueDate: due,
          bypassReason: dto.bypassReason ?? null,
        },
        audit: {
          action: 'submission.keyed_in',
          after: { dueDate: due, bypassedRule: dto.bypassReason ? (violation?.code ?? null) : null },
          reason: dto.bypassReason ?? null,
        },
      });
      return this.staff.details(ability, created, manager);
    });
  }

  /** Runs one review action on the locked record, in the order the class comment gives. */
  private act(
    user: SessionUser,
    ability: AppAbility,
    id: string,
    action: ReviewAction,
    version: number,
    work: (step: Step) => Promise<Submission>,
    authorizeFields?: (s: Submission) => void,
  ): Promise<StaffSubmissionRecord<Date>> {
    return this.submissions.transaction(async (manager) => {
      const s = await this.submissions.findVisible(ability, id, manager, true);
      this.authorize(user, ability, action, s);
      authorizeFields?.(s);
      if (version !== s.version) throw versionConflict(s.version);
      const target = transition(s.state, action);
      return this.staff.presentOne(await work({ manager, s, target }), manager);
    });
  }

  /**
   * CASL decides. When it refuses, say why: the region policy (correct vs return) as a 422,
   * someone else holding it, or the role.
   */
  private authorize(user: SessionUser, ability: AppAbility, action: ReviewAction, s: Submission): void {
    if (ability.can(action, submissionSubject(s))) return;
    // As if the caller held it: what would the region let them do?
    const held = asSubject('Submission', { ...submissionSubject(s), assigneeId: user.id });
    const instead = action === 'correct' ? 'return' : action === 'return' ? 'correct' : null;
    if (instead && !ability.can(action, held) && ability.can(instead, held)) {
      throw ruleRefused('REGION_POLICY', regionPolicyMessage(instead === 'return' ? 'correct' : 'return', s.region));
    }
    if (ability.can(action, held)) {
      throw forbidden(
        s.assigneeId
          ? 'Another representative holds this submission: only they, or a lead of the region, may act on it.'
          : 'Claim this submission first: representatives act only on the submissions they hold.',
      );
    }
    throw forbidden(`Your role does not allow "${action}" on this submission.`);
  }

  private write(manager: EntityManager, s: Submission, changes: QueryDeepPartialEntity<Submission>): Promise<Submission> {
    return this.submissions.updateIfVersion(manager, s.id, s.version, changes);
  }

  /** Sent back to the submitter: the clock pauses from today and the resubmission comes back to this rep. */
  private waitOnSubmitter(s: Submission, user: SessionUser): QueryDeepPartialEntity<Submission> {
    return { waitingSince: this.calendar.today(s.region), lastReviewerId: user.id, assigneeId: user.id };
  }

  /** A transition's audit event: state and assignee before and after, plus what else it set. */
  private record(
    manager: EntityManager,
    user: SessionUser,
    action: string,
    before: Submission,
    after: Submission,
    extra: Record<string, unknown> = {},
    reason?: string,
  ): Promise<void> {
    return this.audit.record(
      submissionAudit(user, action, after, {
        before: { state: before.state, assigneeId: before.assigneeId },
        after: { state: after.state, assigneeId: after.assigneeId, ...extra },
        reason,
      }),
      manager,
    );
  }

  private async reviewer(manager: EntityManager, userId: string): Promise<ReviewerContact> {
    const rep = (await this.accounts.findById(userId, manager))!;
    return { name: rep.name, email: rep.email, phone: rep.phone };
  }

  /** Emails the person who submitted it, in the transaction of the change (the outbox). */
  private async email(manager: EntityManager, s: Submission, compose: (to: Recipient) => OutgoingEmail): Promise<void> {
    if (!s.submittedById) return;
    const to = await this.accounts.findById(s.submittedById, manager);
    if (to) await this.notifications.enqueue(compose({ name: to.name, email: to.email }), manager);
  }
}
