import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { Authenticated, CurrentUser, Public } from '../authorization/policies.decorator';
import { AuthService } from './auth.service';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginDto } from './login.dto';
import type { User } from '../accounts/user.entity';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Log in with email and password; repeated failures are throttled (429 with Retry-After).' })
  login(@Body() _credentials: LoginDto, @Req() request: { user: User }) {
    return this.auth.issueToken(request.user);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }

  @Post('refresh')
  @HttpCode(200)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A fresh access token for a live session, so a working day needs no re-login.' })
  refresh(@CurrentUser() user: SessionUser) {
    return this.auth.refreshToken(user);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the caller: their tokens stop working at once.' })
  async logout(@CurrentUser() user: SessionUser): Promise<void> {
    await this.auth.revokeSessions(user);
  }
}
