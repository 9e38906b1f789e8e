import { ApiPropertyOptional } from '@nestjs/swagger';
import { PARTNER_STATUSES, type PartnerStatus, SUBMISSION_TYPES, type SubmissionType } from '@sbo/shared';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.decorator';
import { ListQueryDto, SearchText } from '../common/list-query.dto';

/**
 * The broker dashboard's filters: status, created date range (UTC dates, inclusive), group ID search
 * (which finds a transaction by its reference too, as partners read it from an email) and `q`.
 */
export class PartnerSubmissionListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: PARTNER_STATUSES })
  @IsOptional()
  @IsIn(PARTNER_STATUSES)
  status?: PartnerStatus;

  @ApiPropertyOptional({
    description: 'Group ID, or its beginning (case-insensitive); a transaction reference (`T-1000001`, `t 1000001`, `1000001`) finds that transaction too',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  groupId?: string;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsIsoDate()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsIsoDate()
  createdTo?: string;

  @SearchText('Searches group names (contains), group IDs (starts with) and the transaction reference')
  q?: string;

  @ApiPropertyOptional({ enum: SUBMISSION_TYPES })
  @IsOptional()
  @IsIn(SUBMISSION_TYPES)
  type?: SubmissionType;
}
