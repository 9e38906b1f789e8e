import { ApiProperty } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsString, Length } from 'class-validator';
import { IsIsoDate } from './is-iso-date.decorator';

export class CreateHolidayDto {
  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;

  @ApiProperty({ example: '2027-11-26' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ example: 'Day after Thanksgiving' })
  @IsString()
  @Length(1, 200)
  name: string;
}
