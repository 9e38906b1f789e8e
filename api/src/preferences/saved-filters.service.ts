import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppAbility, asSubject, type SessionUser } from '@sbo/shared';
import { DataSource } from 'typeorm';
import { accessibleSql } from '../authorization/accessible-sql';
import { AppError, forbidden, notFound } from '../common/app-error';
import { applyListQuery, type ListResult } from '../common/list-query.dto';
import { validationError } from '../common/validation';
import type { CreateSavedFilterDto, SavedFilterListQueryDto } from './saved-filter.dto';
import { SavedFilter } from './saved-filter.entity';

const COLUMNS = { userId: 'f.user_id' };
const SORTABLE = { name: 'f.name', createdAt: 'f.created_at', resource: 'f.resource' };
/** Enough for any list's filters; a saved filter is a handful of values, not a data store. */
const MAX_FILTER_CHARS = 4000;
const MAX_FILTERS_PER_RESOURCE = 50;

/** Each staff member's own saved list filters: CASL's `userId` condition is the WHERE clause. */
@Injectable()
export class SavedFiltersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(ability: AppAbility, query: SavedFilterListQueryDto): Promise<ListResult<SavedFilter>> {
    const mine = accessibleSql(ability, 'read', 'SavedFilter', COLUMNS);
    const qb = this.dataSource.getRepository(SavedFilter).createQueryBuilder('f').where(mine.sql, mine.params);
    if (query.resource) qb.andWhere('f.resource = :resource', { resource: query.resource });
    applyListQuery(qb, query, SORTABLE, { field: 'name', order: 'ASC' });
    const [data, total] = await qb.getManyAndCount();
    return { data, total };
  }

  async create(user: SessionUser, ability: AppAbility, dto: CreateSavedFilterDto): Promise<SavedFilter> {
    if (!ability.can('create', asSubject('SavedFilter', { userId: user.id }))) throw forbidden();
    if (JSON.stringify(dto.filter).length > MAX_FILTER_CHARS) {
      throw validationError([{ field: 'filter', messages: [`filter must be at most ${MAX_FILTER_CHARS} characters as JSON`] }]);
    }
    const { name } = dto;
    return this.dataSource.transaction(async (manager) => {
      const [{ count }] = await manager.query(
        `SELECT count(*)::int AS count FROM saved_filter WHERE user_id = $1 AND resource = $2`,
        [user.id, dto.resource],
      );
      if (count >= MAX_FILTERS_PER_RESOURCE) {
        throw validationError([{ field: 'name', messages: [`You may keep at most ${MAX_FILTERS_PER_RESOURCE} saved filters per list; delete one first.`] }]);
      }
      const [row] = await manager.query(
        `INSERT INTO saved_filter (user_id, resource, name, filter) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, resource, name) DO NOTHING RETURNING id`,
        [user.id, dto.resource, name, dto.filter],
      );
      if (!row) throw new AppError(HttpStatus.CONFLICT, 'CONFLICT', `You already have a saved filter named "${name}". Pick another name or delete it first.`);
      return manager.findOneByOrFail(SavedFilter, { id: row.id });
    });
  }

  /** Another person's filter is not found, never "forbidden": its existence is not revealed. */
  async remove(ability: AppAbility, id: string): Promise<void> {
    const mine = accessibleSql(ability, 'delete', 'SavedFilter', COLUMNS);
    const found = await this.dataSource
      .getRepository(SavedFilter)
      .createQueryBuilder('f')
      .where(mine.sql, mine.params)
      .andWhere('f.id = :id', { id })
      .getOne();
    if (!found) throw notFound('Saved filter');
    await this.dataSource.getRepository(SavedFilter).delete({ id: found.id });
  }
}
