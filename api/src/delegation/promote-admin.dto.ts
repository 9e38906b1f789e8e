import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';

export class PromoteAdminDto {
  @ApiProperty({ description: 'an active delegate of the firm' })
  @IsUUID('all', { message: 'userId must be the id of a user of the firm' })
  userId: string;

  @ApiPropertyOptional({ description: 'why, for the audit trail' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: "the firm's version as read; a concurrent delegation change answers 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}
