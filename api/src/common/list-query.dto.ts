import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validationError } from './validation';

/** The paging and sorting every collection GET takes (API.md); resources extend it with their filters. */
export class ListQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  perPage = 25;

  @ApiPropertyOptional({ description: 'field to sort by' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z][A-Za-z0-9.]{0,63}$/, { message: 'sort must be a field name' })
  sort?: string;

  @ApiPropertyOptional({ enum: ['ASC', 'DESC'] })
  @IsOptional()
  @IsIn(['ASC', 'DESC'])
  order?: 'ASC' | 'DESC';
}

export interface ListResult<T> {
  data: T[];
  total: number;
}

/**
 * Applies sorting and paging to a query. `sortable` maps the API's sort fields to SQL expressions;
 * any other sort field is a 400, never raw SQL. `id` breaks ties so pages are stable.
 */
export function applyListQuery<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: ListQueryDto,
  sortable: Record<string, string>,
  defaultSort: { field: string; order: 'ASC' | 'DESC' },
): SelectQueryBuilder<T> {
  const field = query.sort ?? defaultSort.field;
  // react-admin sorts by `id` unless told otherwise.
  const expression = Object.hasOwn(sortable, field) ? sortable[field] : field === 'id' ? `${qb.alias}.id` : undefined;
  if (!expression) {
    throw validationError([{ field: 'sort', messages: [`sort must be one of: ${Object.keys(sortable).join(', ')}`] }]);
  }
  const order = query.order ?? (query.sort ? 'ASC' : defaultSort.order);
  return qb
    .orderBy(expression, order, order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
    .addOrderBy(`${qb.alias}.id`, order)
    .offset((query.page - 1) * query.perPage)
    .limit(query.perPage);
}
