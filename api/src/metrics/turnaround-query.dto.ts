import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIsoDate } from '../calendar/is-iso-date.decorator';

export class TurnaroundQueryDto {
  @ApiPropertyOptional({ enum: REGIONS, description: 'one region; default every region you work' })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ example: '2026-10-24', description: 'first approval date counted (default: 30 days ago)' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: 'last approval date counted (default: today)' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
}
