import { ApiProperty } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIn } from 'class-validator';
import { IsIsoDate } from './is-iso-date.decorator';

export class SubmissionDeadlineQueryDto {
  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;

  @ApiProperty({ example: '2027-01-01' })
  @IsIsoDate()
  effectiveDate: string;
}
