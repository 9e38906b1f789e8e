import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class AcceptInvitationDto {
  @ApiProperty({ description: 'the token from the invitation email' })
  @Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: 'token must be the token from the invitation email' })
  token: string;

  @ApiProperty({ description: 'the password to set, at least 8 characters' })
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;
}
