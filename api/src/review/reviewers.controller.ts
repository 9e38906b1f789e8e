import { Controller, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { type AppAbility, asSubject, REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsOptional } from 'class-validator';
import { AccountsService, type ReviewerAccount } from '../accounts/accounts.service';
import { CurrentAbility } from '../authorization/policies.decorator';
import { ReadRoute } from '../authorization/routes.decorator';
import type { ListResult } from '../common/list-query.dto';
import { reviewerMay } from './staff-policies';

export class ReviewerListQueryDto {
  @ApiPropertyOptional({ enum: REGIONS, description: 'One region; default every region you assign in' })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}

/**
 * Whom a lead may assign to: the active reps and leads of the regions where CASL lets the caller
 * assign. The regions go into the WHERE clause, so nobody of another region is listed.
 */
@Injectable()
export class ReviewersService {
  constructor(private readonly accounts: AccountsService) {}

  async list(ability: AppAbility, query: ReviewerListQueryDto): Promise<ListResult<ReviewerAccount>> {
    const assignable = REGIONS.filter((region) => ability.can('assign', asSubject('Submission', { region })));
    const regions = query.region ? assignable.filter((r) => r === query.region) : assignable;
    if (!regions.length) return { data: [], total: 0 };
    const data = await this.accounts.activeReviewers(regions);
    return { data, total: data.length };
  }
}

@ApiTags('review')
@ApiBearerAuth()
@Controller('reviewers')
export class ReviewersController {
  constructor(private readonly reviewers: ReviewersService) {}

  @ReadRoute('', reviewerMay('assign'), 'Lead: the active reps and leads you may assign submissions to, by region.')
  list(@Query() query: ReviewerListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.reviewers.list(ability, query);
  }
}
