import { ApiPropertyOptional } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ListQueryDto } from '../common/list-query.dto';

export class HolidayListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}
