import { applyDecorators, Body, Controller, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { CurrentUser, Public } from '../authorization/policies.decorator';
import { ActionRoute, can, ReadRoute } from '../authorization/routes.decorator';
import { CreateRegistrationDto } from './create-registration.dto';
import { ApproveRegistrationDto, RegistrationDecisionDto, RejectRegistrationDto } from './registration-decision.dto';
import { RegistrationListQueryDto } from './registration-list-query.dto';
import { RegistrationsService } from './registrations.service';

/** EBS's routes (the sign-up beside them is public, so the bearer scheme is per route). */
const Read = (path: string) => applyDecorators(ReadRoute(path, can('read', 'Registration')), ApiBearerAuth());
const Decide = (path: string, summary?: string) =>
  applyDecorators(ActionRoute(path, can('decide', 'Registration'), summary), ApiBearerAuth());

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

  @Read('')
  list(@Query() query: RegistrationListQueryDto) {
    return this.registrations.list(query);
  }

  @Read(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.registrations.get(id);
  }

  @Decide(
    ':id/approve',
    'Approve into an existing firm ({firmId}) or a new one ({createFirm: {kind, region}}); emails an invitation. ' +
      'A firm whose tax ID is not the registered one needs overrideReason (else 422 TAX_ID_MISMATCH).',
  )
  approve(@Param('id', ParseUUIDPipe) id: string, @Body() dto: ApproveRegistrationDto, @CurrentUser() user: SessionUser) {
    return this.registrations.approve(id, dto, user);
  }

  @Decide(':id/reject')
  reject(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RejectRegistrationDto, @CurrentUser() user: SessionUser) {
    return this.registrations.reject(id, dto, user);
  }

  @Decide(':id/lock')
  lock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.lock(id, dto, user);
  }

  @Decide(':id/unlock')
  unlock(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.unlock(id, dto, user);
  }

  @Decide(':id/reinvite')
  reinvite(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.reinvite(id, dto, user);
  }

  @Decide(':id/deactivate')
  deactivate(@Param('id', ParseUUIDPipe) id: string, @Body() dto: RegistrationDecisionDto, @CurrentUser() user: SessionUser) {
    return this.registrations.deactivate(id, dto, user);
  }
}
