import { ApiProperty } from '@nestjs/swagger';
import { IsTrimmedText } from '../common/validation';
import { VersionDto } from './version.dto';

export class ReturnSubmissionDto extends VersionDto {
  @ApiProperty({ description: "What to correct; the rep's name and contact details are appended" })
  @IsTrimmedText(5, 4000)
  instructions: string;
}
