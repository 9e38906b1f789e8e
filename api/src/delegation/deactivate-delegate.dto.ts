import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';
import { IsReason } from '../common/validation';

export class DeactivateDelegateDto {
  @ApiProperty({ description: 'why the delegate loses access, for the audit trail' })
  @IsReason()
  reason: string;

  @ApiPropertyOptional({ description: "the firm's version as read; a concurrent delegation change answers 409" })
  @IsOptional()
  @IsVersion()
  version?: number;
}
