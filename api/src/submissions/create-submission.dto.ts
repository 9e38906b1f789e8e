import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHANNELS,
  type Channel,
  PAYMENT_METHODS,
  type PaymentMethod,
  REGIONS,
  type Region,
  SUBMISSION_TYPES,
  type SubmissionType,
} from '@sbo/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../calendar/is-iso-date.decorator';
import { OptionalNotNull } from '../common/validation';
import { PlanSelectionDto, SubmissionGroupDto } from './submission-group.dto';

/** A new transaction, saved as OPEN: only its type and region are needed to start. */
export class CreateSubmissionDto {
  @ApiProperty({ enum: SUBMISSION_TYPES })
  @IsIn(SUBMISSION_TYPES)
  type: SubmissionType;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;

  @ApiPropertyOptional({ enum: ['PORTAL', 'API'], default: 'PORTAL' })
  @OptionalNotNull()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({ example: '2027-01-01', nullable: true })
  @IsOptional()
  @IsIsoDate()
  requestedEffectiveDate?: string | null;

  @ApiPropertyOptional({ enum: PAYMENT_METHODS, nullable: true })
  @IsOptional()
  @IsIn(PAYMENT_METHODS)
  paymentMethod?: PaymentMethod | null;

  @ApiPropertyOptional({ type: SubmissionGroupDto })
  @OptionalNotNull()
  @ValidateNested()
  @Type(() => SubmissionGroupDto)
  group?: SubmissionGroupDto;

  @ApiPropertyOptional({ type: [PlanSelectionDto] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((plan: PlanSelectionDto) => plan?.planCode, { message: 'plans must not select the same planCode twice' })
  @ValidateNested({ each: true })
  @Type(() => PlanSelectionDto)
  plans?: PlanSelectionDto[];
}
