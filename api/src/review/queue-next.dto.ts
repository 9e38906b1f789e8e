import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsOptional } from 'class-validator';

export class QueueNextDto {
  @ApiPropertyOptional({ enum: REGIONS, description: "One of the caller's regions; all of them when left out" })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;
}
