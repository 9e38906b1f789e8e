import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { CurrentUser } from '../authorization/policies.decorator';
import { can, CreateRoute, ReadRoute, UpdateRoute } from '../authorization/routes.decorator';
import { CreateStaffDto, StaffListQueryDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @ReadRoute('', can('read', 'Staff'))
  list(@Query() query: StaffListQueryDto) {
    return this.staff.list(query);
  }

  @ReadRoute(':id', can('read', 'Staff'))
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.get(id);
  }

  @CreateRoute('', can('create', 'Staff'))
  create(@Body() dto: CreateStaffDto, @CurrentUser() user: SessionUser) {
    return this.staff.create(dto, user);
  }

  @UpdateRoute(':id', can('update', 'Staff'))
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffDto, @CurrentUser() user: SessionUser) {
    return this.staff.update(id, dto, user);
  }
}
