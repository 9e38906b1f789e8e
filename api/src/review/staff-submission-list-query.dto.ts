import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGIONS, REVIEW_STATES, type Region, type ReviewState, SUBMISSION_TYPES, type SubmissionType } from '@sbo/shared';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.decorator';
import { asList, ListQueryDto } from '../common/list-query.dto';

/** The review list's filters; every one narrows inside what the caller's regions allow. */
export class StaffSubmissionListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STATES, isArray: true, description: 'One state, or several repeated' })
  @IsOptional()
  @asList()
  @IsIn(REVIEW_STATES, { each: true })
  state?: ReviewState[];

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: SUBMISSION_TYPES })
  @IsOptional()
  @IsIn(SUBMISSION_TYPES)
  type?: SubmissionType;

  @ApiPropertyOptional({ description: 'A staff member id, `me` for the caller, or `none` for unassigned' })
  @IsOptional()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, {
    message: 'assigneeId must be a user id, me or none',
  })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Searches group names (contains), group IDs (starts with), the transaction reference (`T-1000001`) and the submission id' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Due strictly before this date' })
  @IsOptional()
  @IsIsoDate()
  dueBefore?: string;
}
