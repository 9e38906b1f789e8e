import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentUser, Public } from '../authorization/policies.decorator';
import { CreateRegistrationDto } from './create-registration.dto';
import { ApproveRegistrationDto, RegistrationDecisionDto, RejectRegistrationDto } from './registration-decision.dto';
import { RegistrationListQueryDto } from './registration-list-query.dto';
import { RegistrationsService } from './registrations.service';

@ApiTags('registrations')
@Controller('registrations')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Post()
  @Public()
  @ApiOperation({
    summary: "The partner's own sign-up; answered alike when the email is already on file (its owner is emailed, nothing changes).",
  })
  signUp(@Body() dto: CreateRegistrationDto) {
    return this.registrations.signUp(dto);
  }

  @Get()
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('read', 'Registration'))
  list(@Query() query: RegistrationListQueryDto) {
    return this.registrations.list(query);
  }

  @Get(':id')
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('read', 'Registration'))
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.registrations.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  @ApiOperation({
    summary:
      'Approve into an existing firm ({firmId}) or a new one ({createFirm: {kind, region}}); emails an invitation. ' +
      'A firm whose tax ID is not the registered one needs overrideReason (else 422 TAX_ID_MISMATCH).',
  })
  approve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveRegistrationDto, @CurrentUser() user: SessionUser) {
    return this.registrations.approve(id, dto, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectRegistrationDto, @CurrentUser() user: SessionUser) {
    return this.registrations.reject(id, dto, user);
  }

  @Post(':id/lock')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  lock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.lock(id, dto, user);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  unlock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.unlock(id, dto, user);
  }

  @Post(':id/reinvite')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  reinvite(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.reinvite(id, dto, user);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiBearerAuth()
  @CheckPolicies((ability) => ability.can('decide', 'Registration'))
  deactivate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.deactivate(id, dto, user);
  }
}
