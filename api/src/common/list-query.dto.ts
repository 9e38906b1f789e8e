import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validationError } from './validation';

/** A query parameter that may be repeated (`?state=A&state=B`) arrives as a list either way. */
export const asList = () => Transform(({ value }) => (value === undefined || Array.isArray(value) ? value : [value]));

/** An optional filter to one of `values`, which the OpenAPI document lists. */
export const FilterIn = (values: readonly string[]) =>
  applyDecorators(ApiPropertyOptional({ enum: values }), IsOptional(), IsIn(values));

/** The `q` search box: free text of up to 100 characters; `description` says where it searches. */
export const SearchText = (description: string) =>
  // MaxLength before IsString, the order the stacks this replaced registered them (messages keep their order).
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), MaxLength(100), IsString());

/** The paging and sorting every collection GET takes (docs/api.md, "Lists"); resources extend it with their filters. */
export class ListQueryDto {
  @ApiPropertyOptional({ isArray: true, description: 'only these ids (repeated), as react-admin getMany asks' })
  @IsOptional()
  @asList()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each id must be a UUID' })
  id?: string[];

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
 * Applies the `id` filter, sorting and paging to a query. `sortable` maps the API's sort fields to SQL
 * expressions; any other sort field is a 400, never raw SQL. `id` breaks ties so pages are stable.
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
  if (query.id?.length) qb.andWhere(`${qb.alias}.id IN (:...listIds)`, { listIds: query.id });
  return qb
    .orderBy(expression, order, order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
    .addOrderBy(`${qb.alias}.id`, order)
    .offset((query.page - 1) * query.perPage)
    .limit(query.perPage);
}
