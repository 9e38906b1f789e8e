import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';
import { IsNonEmptyText } from '../common/validation';

export class PromoteAdminDto {
  @ApiProperty({ description: 'an active delegate of the firm' })
  @IsUUID('all', { message: 'userId must be the id of a user of the firm' })
  userId: string;

  @ApiPropertyOptional({ description: 'why, for the audit trail' })
  @IsOptional()
  @IsNonEmptyText(1000)
  reason?: string;

  @ApiPropertyOptional({ description: "the firm's version as read; a concurrent delegation change answers 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}
