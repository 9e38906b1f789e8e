import { ApiProperty } from '@nestjs/swagger';
import { IsTrimmedText } from '../common/validation';
import { VersionDto } from './version.dto';

export class ReferOfflineDto extends VersionDto {
  @ApiProperty({ example: 'The group has employees in more than one market.' })
  @IsTrimmedText(5, 2000)
  reason: string;
}
