import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { can, CreateRoute, DeleteRoute, ReadRoute, RecordId } from '../authorization/routes.decorator';
import { CreateSavedFilterDto, SavedFilterListQueryDto } from './saved-filter.dto';
import { SavedFiltersService } from './saved-filters.service';

@ApiTags('preferences')
@ApiBearerAuth()
@Controller('saved-filters')
export class SavedFiltersController {
  constructor(private readonly filters: SavedFiltersService) {}

  @ReadRoute('', can('read', 'SavedFilter'), 'Your own saved list filters, optionally for one resource.')
  list(@Query() query: SavedFilterListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.filters.list(ability, query);
  }

  @CreateRoute('', can('create', 'SavedFilter'), 'Save the current filters of a list under a name (yours alone).')
  create(@Body() dto: CreateSavedFilterDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.filters.create(user, ability, dto);
  }

  @DeleteRoute(':id', can('delete', 'SavedFilter'), 'Delete one of your saved filters; anyone else’s is 404.')
  remove(@RecordId('Saved filter') id: string, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.filters.remove(ability, id);
  }
}
