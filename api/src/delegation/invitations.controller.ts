import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../authorization/policies.decorator';
import { AcceptInvitationDto } from './accept-invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('delegation')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('accept')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Set a password with the token of an invitation email; the token works once, before it expires.' })
  accept(@Body() dto: AcceptInvitationDto) {
    return this.invitations.accept(dto);
  }
}
