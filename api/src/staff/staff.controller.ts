import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentUser } from '../authorization/policies.decorator';
import { CreateStaffDto, StaffListQueryDto, UpdateStaffDto } from './staff.dto';
import { StaffService } from './staff.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Staff'))
  list(@Query() query: StaffListQueryDto) {
    return this.staff.list(query);
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Staff'))
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.staff.get(id);
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'Staff'))
  create(@Body() dto: CreateStaffDto, @CurrentUser() user: SessionUser) {
    return this.staff.create(dto, user);
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'Staff'))
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateStaffDto, @CurrentUser() user: SessionUser) {
    return this.staff.update(id, dto, user);
  }
}
