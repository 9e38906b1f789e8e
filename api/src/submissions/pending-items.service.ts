import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../calendar/clock';
import type { SubmissionDocument } from './submission-document.entity';
import type { Submission } from './submission.entity';
import { SubmissionsService } from './submissions.service';
import { allReceived, receiveDocument } from './pending-items';
import { nextState, resubmitEvent } from './review-state-machine';
import { submissionAudit } from './submission-audit';
import { clockOf, resumeClock } from './turnaround';

/**
 * Requested items clear themselves: a document of a requested kind answers the item, and the last
 * one sends the submission back to review (to the same rep while still active, else the queue),
 * the clock resuming as on a resubmission.
 */
@Injectable()
export class PendingItemsService {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /** Call in the upload's transaction, with the submission locked and as read before the upload. */
  async documentArrived(user: SessionUser, s: Submission, document: SubmissionDocument, manager: EntityManager): Promise<void> {
    if (s.state !== 'PENDING_ITEMS') return;
    const { items, cleared } = receiveDocument(s.pendingItems, document, this.clock.now().toISOString());
    if (!cleared) return;
    const itemReceived = submissionAudit(user, 'submission.item_received', s, { after: { item: cleared } });
    if (!allReceived(items)) {
      await this.submissions.updateIfVersion(manager, s.id, s.version, { pendingItems: items });
      await this.audit.record(itemReceived, manager);
      return;
    }
    const sameRep = await this.submissions.isActiveReviewer(manager, s.lastReviewerId, s.region);
    const target = nextState(s.state, sameRep ? 'itemsReceived' : resubmitEvent(false));
    const clock = resumeClock(clockOf(s), this.calendar.today(s.region), await this.calendar.calendarFor(s.region));
    const updated = await this.submissions.updateIfVersion(manager, s.id, s.version, {
      ...clock,
      state: target,
      pendingItems: items,
      instructions: null,
      assigneeId: sameRep ? s.lastReviewerId : null,
    });
    await this.audit.record(
      [
        itemReceived,
        submissionAudit(user, 'submission.items_received', s, {
          before: { state: s.state, assigneeId: s.assigneeId },
          after: { state: updated.state, assigneeId: updated.assigneeId, dueDate: updated.dueDate, pausedBusinessDays: updated.pausedBusinessDays },
        }),
      ],
      manager,
    );
  }
}
