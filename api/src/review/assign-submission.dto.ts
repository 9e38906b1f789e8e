import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { VersionDto } from './version.dto';

export class AssignSubmissionDto extends VersionDto {
  @ApiProperty({ description: "An active rep or lead of the submission's region" })
  @IsUUID()
  assigneeId: string;
}
