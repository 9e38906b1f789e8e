import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { VersionDto } from './version.dto';

export class ReturnSubmissionDto extends VersionDto {
  @ApiProperty({ description: "What to correct; the rep's name and contact details are appended" })
  @IsString()
  @Length(5, 4000)
  instructions: string;
}
