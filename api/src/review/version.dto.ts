import { ApiProperty } from '@nestjs/swagger';
import { IsVersion } from '../common/is-version.decorator';

/** The version the reviewer read: every review write refuses a stale one with 409 VERSION_CONFLICT. */
export class VersionDto {
  @ApiProperty({ example: 3 })
  @IsVersion()
  version: number;
}
