import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** The version the reviewer read: every review write refuses a stale one with 409 VERSION_CONFLICT. */
export class VersionDto {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  version: number;
}
