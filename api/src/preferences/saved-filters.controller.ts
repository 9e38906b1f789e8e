import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
import { CreateSavedFilterDto, SavedFilterListQueryDto } from './saved-filter.dto';
import { SavedFiltersService } from './saved-filters.service';

@ApiTags('preferences')
@ApiBearerAuth()
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'SavedFilter'))
  @ApiOperation({ summary: 'Your own saved list filters, optionally for one resource.' })
  list(@Query() query: SavedFilterListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.filters.list(ability, query);
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'SavedFilter'))
  @ApiOperation({ summary: 'Save the current filters of a list under a name (yours alone).' })
  create(@Body() dto: CreateSavedFilterDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.filters.create(user, ability, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @CheckPolicies((ability) => ability.can('delete', 'SavedFilter'))
  @ApiOperation({ summary: 'Delete one of your saved filters; anyone else’s is 404.' })
  remove(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Saved filter') })) id: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<void> {
    return this.filters.remove(ability, id);
  }
}
