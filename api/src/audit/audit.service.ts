import { Injectable } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEvent } from './audit-event.entity';

export interface AuditActor {
  id: string | null;
  email: string | null;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string;
  entityType: string;
  entityId: string;
  region?: string | null;
  firmId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

/** Writes audit events, inside the caller's transaction when one is given, so history and change commit together. */
@Injectable()
export class AuditService {
  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  async record(entries: AuditEntry | AuditEntry[], manager: EntityManager = this.manager): Promise<void> {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return;
    await manager.insert(
      AuditEvent,
      list.map((e) => ({
        actorId: e.actor?.id ?? null,
        actorEmail: e.actor?.email ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        region: e.region ?? null,
        firmId: e.firmId ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        reason: e.reason ?? null,
      })) as QueryDeepPartialEntity<AuditEvent>[],
    );
  }

  forEntity(entityType: string, entityId: string, manager: EntityManager = this.manager): Promise<AuditEvent[]> {
    return manager.find(AuditEvent, { where: { entityType, entityId }, order: { id: 'ASC' } });
  }
}

/** SQL expressions (over the source rows' columns and the statement's parameters) for each audit column. */
export type AuditColumnsSql = Record<'actorId' | 'actorEmail' | 'action' | 'entityType' | 'entityId' | 'region' | 'firmId' | 'before' | 'after', string>;

/**
 * The INSERT that audits each row of `source` (a CTE), for a statement that changes rows and writes their
 * audit events in one round trip (the queue claim: one statement keeps claims fast under contention).
 * Audit SQL stays here, beside `record`.
 */
export function auditInsertSql(source: string, values: AuditColumnsSql): string {
  return `INSERT INTO audit_event (actor_id, actor_email, action, entity_type, entity_id, region, firm_id, before, after)
         SELECT ${values.actorId}, ${values.actorEmail}, ${values.action}, ${values.entityType}, ${values.entityId},
                ${values.region}, ${values.firmId}, ${values.before}, ${values.after}
           FROM ${source}`;
}
