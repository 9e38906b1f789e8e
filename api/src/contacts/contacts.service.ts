import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Region, SessionUser } from '@sbo/shared';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound, versionConflict } from '../common/app-error';
import { applyListQuery, type ListQueryDto, type ListResult } from '../common/list-query.dto';
import { Contact, type ContactTeam } from './contact.entity';
import type { UpdateContactDto } from './update-contact.dto';

const SORTABLE = { team: 'c.team', region: 'c.region', label: 'c.label', email: 'c.email' };

@Injectable()
export class ContactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListQueryDto): Promise<ListResult<Contact>> {
    const qb = this.dataSource.getRepository(Contact).createQueryBuilder('c');
    applyListQuery(qb, query, SORTABLE, { field: 'team', order: 'ASC' });
    const [data, total] = await qb.getManyAndCount();
    return { data, total };
  }

  async get(id: string): Promise<Contact> {
    const contact = await this.dataSource.getRepository(Contact).findOne({ where: { id } });
    if (!contact) throw notFound('Contact');
    return contact;
  }

  /** The mailbox of a team, regional when the team has one per region. */
  async mailbox(team: ContactTeam, region: Region | null = null, manager: EntityManager = this.dataSource.manager): Promise<Contact | null> {
    return manager.getRepository(Contact).findOne({ where: { team, region: region ?? IsNull() } });
  }

  async update(id: string, dto: UpdateContactDto, actor: SessionUser): Promise<Contact> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOne(Contact, { where: { id } });
      if (!before) throw notFound('Contact');
      const { version, ...changes } = dto;
      const result = await manager
        .createQueryBuilder()
        .update(Contact)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version })
        .execute();
      if (!result.affected) throw versionConflict(before.version);
      const after = await manager.findOneOrFail(Contact, { where: { id } });
      await this.audit.record(
        {
          actor,
          action: 'contact.updated',
          entityType: 'Contact',
          entityId: id,
          region: after.region,
          before: { label: before.label, email: before.email, phone: before.phone },
          after: { label: after.label, email: after.email, phone: after.phone },
        },
        manager,
      );
      return after;
    });
  }
}
