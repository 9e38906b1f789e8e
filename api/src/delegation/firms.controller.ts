import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { DepartAdminDto } from './depart-admin.dto';
import { FirmListQueryDto } from './firm-list-query.dto';
import { FirmsService } from './firms.service';
import { InviteFirmUserDto } from './invite-firm-user.dto';
import { PromoteAdminDto } from './promote-admin.dto';

@ApiTags('delegation')
@ApiBearerAuth()
@Controller('firms')
export class FirmsController {
  constructor(private readonly firms: FirmsService) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Firm'))
  @ApiOperation({ summary: 'Firms with their administrator count; firms needing an administrator first.' })
  list(@Query() query: FirmListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.firms.list(query, ability);
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Firm'))
  @ApiOperation({ summary: 'A firm with its users (administrators and delegates) and open invitations.' })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAbility() ability: AppAbility) {
    return this.firms.get(id, ability);
  }

  @Post(':id/admins')
  @HttpCode(200)
  @CheckPolicies((ability) => ability.can('promoteAdmin', 'Firm'))
  @ApiOperation({ summary: 'Promote an active delegate to administrator; 422 ADMIN_CAP_REACHED past 4 in a General Agency.' })
  promote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PromoteAdminDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.promote(id, dto, user, ability);
  }

  @Post(':id/admins/:userId/depart')
  @HttpCode(200)
  @CheckPolicies((ability) => ability.can('departAdmin', 'Firm'))
  @ApiOperation({ summary: 'Deactivate a departed administrator, optionally promoting a replacement; delegates stay active.' })
  depart(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: DepartAdminDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.depart(id, userId, dto, user, ability);
  }

  @Post(':id/invitations')
  @CheckPolicies((ability) => ability.can('invite', 'FirmUser'))
  @ApiOperation({ summary: 'Invite a new administrator or delegate by email (single-use link, expires in 7 days).' })
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteFirmUserDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.invite(id, dto, user, ability);
  }
}
