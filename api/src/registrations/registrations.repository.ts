import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { escapeLike } from '../common/like-pattern';
import { applyListQuery } from '../common/list-query.dto';
import type { CreateRegistrationDto } from './create-registration.dto';
import type { RegistrationListQueryDto } from './registration-list-query.dto';
import { Registration } from './registration.entity';

const SORTABLE = {
  createdAt: 'r.created_at',
  updatedAt: 'r.updated_at',
  decidedAt: 'r.decided_at',
  email: 'r.email',
  name: 'r.name',
  firmName: 'r.firm_name',
  status: 'r.status',
};

/** Every statement on the registration table. */
@Injectable()
export class RegistrationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Registration | null> {
    return manager.findOneBy(Registration, { id });
  }

  findOrFail(manager: EntityManager, id: string): Promise<Registration> {
    return manager.findOneByOrFail(Registration, { id });
  }

  /** The row, locked (`FOR UPDATE`) until the caller's transaction ends. */
  lock(manager: EntityManager, id: string): Promise<Registration | null> {
    return manager.getRepository(Registration).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** The registration of this email that is not rejected (at most one: a unique index says so). */
  findLive(manager: EntityManager, email: string): Promise<Registration | null> {
    return manager.findOneBy(Registration, { email, status: Not('REJECTED') });
  }

  async insertPending(manager: EntityManager, values: CreateRegistrationDto): Promise<Registration> {
    const { identifiers } = await manager.insert(Registration, { ...values, status: 'PENDING' });
    return this.findOrFail(manager, identifiers[0].id);
  }

  /** Writes a decision; the version moves. */
  async update(manager: EntityManager, id: string, values: QueryDeepPartialEntity<Registration>): Promise<void> {
    await manager.update(Registration, { id }, { ...values, version: () => 'version + 1' });
  }

  async list(query: RegistrationListQueryDto): Promise<{ rows: Registration[]; total: number }> {
    const qb = this.dataSource.manager.getRepository(Registration).createQueryBuilder('r');
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.q) {
      qb.andWhere('(r.email ILIKE :q OR r.name ILIKE :q OR r.firm_name ILIKE :q OR r.firm_tax_id ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const [rows, total] = await applyListQuery(qb, query, SORTABLE, { field: 'createdAt', order: 'DESC' }).getManyAndCount();
    return { rows, total };
  }
}
