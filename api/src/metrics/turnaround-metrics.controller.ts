import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { CheckPolicies, CurrentAbility } from '../authorization/policies.decorator';
import { TurnaroundQueryDto } from './turnaround-query.dto';
import { TurnaroundMetricsService } from './turnaround-metrics.service';

@ApiTags('review')
@ApiBearerAuth()
@Controller('metrics')
export class TurnaroundMetricsController {
  constructor(private readonly metrics: TurnaroundMetricsService) {}

  @Get('turnaround')
  @CheckPolicies((ability) => ability.can('read', 'Metrics'))
  @ApiOperation({ summary: 'Approvals against the 1-3 business day target (median, p90, late) and the open backlog, per region.' })
  turnaround(@Query() query: TurnaroundQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.metrics.report(ability, query);
  }
}
