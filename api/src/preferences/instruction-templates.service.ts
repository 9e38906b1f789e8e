import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppAbility, type Action, asSubject, REGION_NAMES, type SessionUser } from '@sbo/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { accessibleSql } from '../authorization/accessible-sql';
import { forbidden, notFound, versionConflict } from '../common/app-error';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import type {
  CreateInstructionTemplateDto,
  InstructionTemplateListQueryDto,
  UpdateInstructionTemplateDto,
} from './instruction-template.dto';
import { InstructionTemplate } from './instruction-template.entity';

const COLUMNS = { region: 't.region' };
const SORTABLE = { title: 't.title', region: 't.region', kind: 't.kind', updatedAt: 't.updated_at', createdAt: 't.created_at' };
const subjectOf = (t: Pick<InstructionTemplate, 'region'>) => asSubject('InstructionTemplate', { region: t.region });
const snapshot = (t: InstructionTemplate) => ({ region: t.region, kind: t.kind, title: t.title, body: t.body });

/**
 * Instruction templates per region: reps read those of their regions (to pick one when returning or
 * requesting items), leads manage them there. Another region's template is 404, as everywhere.
 */
@Injectable()
export class InstructionTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(ability: AppAbility, query: InstructionTemplateListQueryDto): Promise<ListResult<InstructionTemplate>> {
    const visible = accessibleSql(ability, 'read', 'InstructionTemplate', COLUMNS);
    const qb = this.dataSource.getRepository(InstructionTemplate).createQueryBuilder('t').where(visible.sql, visible.params);
    if (query.region) qb.andWhere('t.region = :region', { region: query.region });
    if (query.kind) qb.andWhere('t.kind = :kind', { kind: query.kind });
    applyListQuery(qb, query, SORTABLE, { field: 'title', order: 'ASC' });
    const [data, total] = await qb.getManyAndCount();
    return { data, total };
  }

  async get(ability: AppAbility, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<InstructionTemplate> {
    const template = await manager.findOne(InstructionTemplate, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!template || !ability.can('read', subjectOf(template))) throw notFound('Instruction template');
    return template;
  }

  async create(user: SessionUser, ability: AppAbility, dto: CreateInstructionTemplateDto): Promise<InstructionTemplate> {
    this.authorize(ability, 'create', dto);
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(InstructionTemplate, {
        region: dto.region,
        kind: dto.kind,
        title: dto.title,
        body: dto.body,
        version: 1,
      });
      const created = await manager.findOneByOrFail(InstructionTemplate, { id: identifiers[0].id as string });
      await this.record(manager, user, 'instruction_template.created', created, null, snapshot(created));
      return created;
    });
  }

  async update(user: SessionUser, ability: AppAbility, id: string, dto: UpdateInstructionTemplateDto): Promise<InstructionTemplate> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.get(ability, id, manager, true);
      this.authorize(ability, 'update', before);
      if (dto.version !== before.version) throw versionConflict(before.version);
      const { version: _, ...changes } = dto;
      await manager.update(
        InstructionTemplate,
        { id },
        {
          ...(changes.kind ? { kind: changes.kind } : {}),
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.body !== undefined ? { body: changes.body } : {}),
          version: before.version + 1,
        },
      );
      const after = await manager.findOneByOrFail(InstructionTemplate, { id });
      await this.record(manager, user, 'instruction_template.updated', after, snapshot(before), snapshot(after));
      return after;
    });
  }

  async remove(user: SessionUser, ability: AppAbility, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const template = await this.get(ability, id, manager, true);
      this.authorize(ability, 'delete', template);
      await manager.delete(InstructionTemplate, { id });
      await this.record(manager, user, 'instruction_template.deleted', template, snapshot(template), null);
    });
  }

  private authorize(ability: AppAbility, action: Action, template: Pick<InstructionTemplate, 'region'>): void {
    if (ability.can(action, subjectOf(template))) return;
    throw forbidden(`Only a lead of ${REGION_NAMES[template.region]} manages its instruction templates.`);
  }

  private record(
    manager: EntityManager,
    user: SessionUser,
    action: string,
    t: InstructionTemplate,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ) {
    return this.audit.record(
      { actor: user, action, entityType: 'InstructionTemplate', entityId: t.id, region: t.region, before, after },
      manager,
    );
  }
}
