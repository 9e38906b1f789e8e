import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { VersionDto } from './version.dto';

export class ReferOfflineDto extends VersionDto {
  @ApiProperty({ example: 'The group has employees in more than one market.' })
  @IsString()
  @Length(5, 2000)
  reason: string;
}
