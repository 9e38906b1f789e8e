import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { CheckPolicies, CurrentAbility } from '../authorization/policies.decorator';
import { NotificationListQueryDto } from './notification-list-query.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'Notification'))
  @ApiOperation({ summary: 'The email outbox: recipient, subject, status, attempts (admin).' })
  list(@Query() query: NotificationListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.notifications.list(ability, query);
  }
}
