import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AppAbility, asSubject, REGIONS, type Region, type Role } from '@sbo/shared';
import { IsIn, IsOptional } from 'class-validator';
import { DataSource } from 'typeorm';
import { CheckPolicies, CurrentAbility } from '../authorization/policies.decorator';
import type { ListResult } from '../common/list-query.dto';
import { reviewerMay } from './staff-policies';

export class ReviewerListQueryDto {
  @ApiPropertyOptional({ enum: REGIONS, description: 'One region; default every region you assign in' })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}

export interface Reviewer {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  regions: Region[];
}

/**
 * Whom a lead may assign to: the active reps and leads of the regions where CASL lets the caller
 * assign. The regions go into the WHERE clause, so nobody of another region is listed.
 */
@Injectable()
export class ReviewersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(ability: AppAbility, query: ReviewerListQueryDto): Promise<ListResult<Reviewer>> {
    const assignable = REGIONS.filter((region) => ability.can('assign', asSubject('Submission', { region })));
    const regions = query.region ? assignable.filter((r) => r === query.region) : assignable;
    if (!regions.length) return { data: [], total: 0 };
    const data: Reviewer[] = await this.dataSource.query(
      `SELECT id, name, email, roles, ARRAY(SELECT unnest(regions) INTERSECT SELECT unnest($1::text[]) ORDER BY 1) AS regions
       FROM app_user
       WHERE active AND roles && ARRAY['rep', 'lead']::text[] AND regions && $1::text[]
       ORDER BY name, id
       LIMIT 500`,
      [regions],
    );
    return { data, total: data.length };
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @Get()
  @CheckPolicies(reviewerMay('assign'))
  @ApiOperation({ summary: 'Lead: the active reps and leads you may assign submissions to, by region.' })
  list(@Query() query: ReviewerListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.reviewers.list(ability, query);
  }
}
