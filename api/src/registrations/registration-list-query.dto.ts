import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ListQueryDto, SearchText } from '../common/list-query.dto';
import { REGISTRATION_STATUSES, type RegistrationStatus } from '@sbo/shared';

export class RegistrationListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REGISTRATION_STATUSES })
  @IsOptional()
  @IsIn(REGISTRATION_STATUSES, { message: `status must be one of: ${REGISTRATION_STATUSES.join(', ')}` })
  status?: RegistrationStatus;

  @SearchText('search in email, name, firm name and tax ID')
  q?: string;
}
