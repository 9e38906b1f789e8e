import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { ActionRoute, can, CreateRoute, ReadRoute } from '../authorization/routes.decorator';
import { DeactivateDelegateDto } from './deactivate-delegate.dto';
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

  @ReadRoute('', can('read', 'Firm'), 'Firms with their administrator count; firms needing an administrator first.')
  list(@Query() query: FirmListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.firms.list(query, ability);
  }

  @ReadRoute(':id', can('read', 'Firm'), 'A firm with its users (administrators and delegates) and open invitations.')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentAbility() ability: AppAbility) {
    return this.firms.get(id, ability);
  }

  @ActionRoute(
    ':id/admins',
    can('promoteAdmin', 'Firm'),
    'Promote an active delegate to administrator; 422 ADMIN_CAP_REACHED past 4 in a General Agency.',
  )
  promote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PromoteAdminDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.promote(id, dto, user, ability);
  }

  @ActionRoute(
    ':id/admins/:userId/depart',
    can('departAdmin', 'Firm'),
    'Deactivate a departed administrator, optionally promoting a replacement; delegates stay active.',
  )
  depart(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: DepartAdminDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.depart(id, userId, dto, user, ability);
  }

  @ActionRoute(
    ':id/delegates/:userId/deactivate',
    can('deactivate', 'FirmUser'),
    "A GA administrator ends a delegate's access to their own firm at once (sessions end); administrators are GA support's to depart.",
  )
  deactivateDelegate(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() dto: DeactivateDelegateDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.deactivateDelegate(id, userId, dto, user, ability);
  }

  @CreateRoute(':id/invitations', can('invite', 'FirmUser'), 'Invite a new administrator or delegate by email (single-use link, expires in 7 days).')
  invite(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: InviteFirmUserDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.firms.invite(id, dto, user, ability);
  }
}
