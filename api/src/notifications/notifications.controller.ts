import { Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { CurrentAbility } from '../authorization/policies.decorator';
import { can, ReadRoute } from '../authorization/routes.decorator';
import { NotificationListQueryDto } from './notification-list-query.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ReadRoute('', can('read', 'Notification'), 'The email outbox: recipient, subject, status, attempts (admin).')
  list(@Query() query: NotificationListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.notifications.list(ability, query);
  }
}
