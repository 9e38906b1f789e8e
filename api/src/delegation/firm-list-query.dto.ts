import { ApiPropertyOptional } from '@nestjs/swagger';
import { FIRM_KINDS, type FirmKind, REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsOptional } from 'class-validator';
import { FilterIn, ListQueryDto, SearchText } from '../common/list-query.dto';

export class FirmListQueryDto extends ListQueryDto {
  @SearchText('search in the firm name and tax ID')
  q?: string;

  @FilterIn(FIRM_KINDS)
  kind?: FirmKind;

  @FilterIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'firms with no active administrator' })
  @IsOptional()
  @IsIn(['true', 'false'])
  needsAdmin?: 'true' | 'false';
}
