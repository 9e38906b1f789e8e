import { Body, Controller, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import type { FastifyReply } from 'fastify';
import { CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { ActionRoute } from '../authorization/routes.decorator';
import { QueueNextDto } from './queue-next.dto';
import { ReviewQueueService } from './review-queue.service';
import { reviewerMay } from './staff-policies';

@ApiTags('review')
@ApiBearerAuth()
@Controller('queue')
export class QueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  @ActionRoute('next', reviewerMay('claim'), 'Claim the oldest-due unassigned submission of your regions.')
  @ApiNoContentResponse({ description: 'The queue is empty.' })
  async next(
    @Body() dto: QueueNextDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    const claimed = await this.queue.next(user, ability, dto.region);
    if (!claimed) reply.status(204);
    return claimed ?? undefined;
  }
}
