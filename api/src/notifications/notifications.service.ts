import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Notification } from './notification.entity';

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
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
      })),
    );
  }
}
