import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { STAFF_CHANNELS, type Channel } from '@sbo/shared';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsTrimmedText } from '../common/validation';
import { CreateSubmissionDto } from '../submissions/create-submission.dto';

/** A submission staff key in from an email or an offline package; it goes straight to the queue. */
export class CreateStaffSubmissionDto extends OmitType(CreateSubmissionDto, ['channel'] as const) {
  @ApiProperty({ enum: STAFF_CHANNELS })
  @IsIn(STAFF_CHANNELS)
  channel: Channel;

  @ApiPropertyOptional({ description: "The partner firm, when known: a firm of the submission's region", nullable: true })
  @IsOptional()
  @IsUUID()
  firmId?: string | null;

  @ApiPropertyOptional({ description: 'Why the intake rules do not apply; recorded and audited. Without it the rules apply.' })
  @IsOptional()
  @IsTrimmedText(5, 2000)
  bypassReason?: string;
}
