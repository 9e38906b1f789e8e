import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';
import { IsReason } from '../common/validation';

export class DepartAdminDto {
  @ApiPropertyOptional({ description: 'an active delegate of the firm, promoted in the same change' })
  @IsOptional()
  @IsUUID('all', { message: 'replacementUserId must be the id of a user of the firm' })
  replacementUserId?: string;

  @ApiProperty({ description: 'why the administrator is deactivated, for the audit trail' })
  @IsReason()
  reason: string;

  @ApiPropertyOptional({ description: "the firm's version as read; a concurrent delegation change answers 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}
