import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { AppAbility } from '@sbo/shared';
import type { EntityManager } from 'typeorm';
import { accessibleSql } from '../authorization/accessible-sql';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import type { EmailLink } from './email-links';
import { Notification } from './notification.entity';
import type { NotificationListQueryDto } from './notification-list-query.dto';

/** The outbox as admins see it; the body stays out of the list. */
export type NotificationSummary = Omit<Notification, 'body'>;

export interface OutgoingEmail {
  to: string;
  subject: string;
  /** With a `link`, the body holds LINK_PLACEHOLDER where the link goes. */
  body: string;
  /** A single-use link, minted only when the email is sent: its token is never stored. */
  link?: EmailLink;
  /** What kind of message this is (e.g. `submission.submitted`), for the outbox list and tests. */
  template: string;
  entityType?: string;
  entityId?: string;
}

/**
 * The transactional outbox: an email is written in the same transaction as the change it reports,
 * so it is sent if and only if that change commits. A worker delivers it later.
 */
@Injectable()
export class NotificationsService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async enqueue(emails: OutgoingEmail | OutgoingEmail[], manager: EntityManager = this.manager): Promise<void> {
    const list = Array.isArray(emails) ? emails : [emails];
    if (!list.length) return;
    await manager.insert(
      Notification,
      list.map((e) => ({
        recipient: e.to,
        subject: e.subject,
        body: e.body,
        template: e.template,
        entityType: e.entityType ?? null,
        entityId: e.entityId ?? null,
        linkKind: e.link?.kind ?? null,
        linkTargetId: e.link?.targetId ?? null,
      })),
    );
  }

  async list(ability: AppAbility, query: NotificationListQueryDto): Promise<ListResult<NotificationSummary>> {
    const visible = accessibleSql(ability, 'read', 'Notification', {});
    const qb = this.manager.getRepository(Notification).createQueryBuilder('n').where(visible.sql, visible.params);
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.recipient) qb.andWhere('lower(n.recipient) = lower(:recipient)', { recipient: query.recipient });
    if (query.entityId) qb.andWhere('n.entity_id = :entityId', { entityId: query.entityId });
    if (query.template) qb.andWhere('n.template = :template', { template: query.template });
    applyListQuery(
      qb,
      query,
      { createdAt: 'n.created_at', status: 'n.status', recipient: 'n.recipient', attempts: 'n.attempts', sentAt: 'n.sent_at' },
      { field: 'createdAt', order: 'DESC' },
    );
    const [rows, total] = await qb.getManyAndCount();
    return { data: rows.map(({ body: _, ...summary }) => summary), total };
  }
}
