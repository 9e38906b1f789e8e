import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../common/list-query.dto';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@sbo/shared';

export class RegistrationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `status must be one of: ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ description: 'search in email, name, firm name and tax ID' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
