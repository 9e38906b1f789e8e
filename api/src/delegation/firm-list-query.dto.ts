import { ApiPropertyOptional } from '@nestjs/swagger';
import { FIRM_KINDS, type FirmKind, REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { ListQueryDto } from '../common/list-query.dto';

export class FirmListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'search in the firm name and tax ID' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: FIRM_KINDS })
  @IsOptional()
  @IsIn(FIRM_KINDS)
  kind?: FirmKind;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'firms with no active administrator' })
  @IsOptional()
  @IsIn(['true', 'false'])
  needsAdmin?: 'true' | 'false';
}
