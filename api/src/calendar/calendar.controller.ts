import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
import { CalendarService } from './calendar.service';
import { CreateHolidayDto } from './create-holiday.dto';
import { HolidayListQueryDto } from './holiday-list-query.dto';
import { SubmissionDeadlineQueryDto } from './submission-deadline-query.dto';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('calendar/submission-deadline')
  @CheckPolicies((ability) => ability.can('read', 'Holiday'))
  @ApiOperation({ summary: 'The last day the portal accepts a new group for the effective month (5th business day).' })
  async submissionDeadline(@Query() query: SubmissionDeadlineQueryDto): Promise<{ deadline: string }> {
    return { deadline: await this.calendar.submissionDeadline(query.region, query.effectiveDate) };
  }

  @Get('holidays')
  @CheckPolicies((ability) => ability.can('read', 'Holiday'))
  @ApiOperation({ summary: "A region's holidays (business-day calendar)." })
  listHolidays(@Query() query: HolidayListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.calendar.listHolidays(ability, query);
  }

  @Post('holidays')
  @CheckPolicies((ability) => ability.can('manage', 'Holiday'))
  @ApiOperation({ summary: 'Add a holiday to a region (admin).' })
  addHoliday(@Body() dto: CreateHolidayDto, @CurrentUser() user: SessionUser) {
    return this.calendar.addHoliday(dto, user);
  }

  @Delete('holidays/:id')
  @HttpCode(204)
  @CheckPolicies((ability) => ability.can('manage', 'Holiday'))
  @ApiOperation({ summary: 'Remove a holiday from its region (admin).' })
  removeHoliday(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Holiday') })) id: string,
    @CurrentUser() user: SessionUser,
  ): Promise<void> {
    return this.calendar.removeHoliday(id, user);
  }
}
