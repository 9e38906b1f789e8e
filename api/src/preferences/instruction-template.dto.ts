import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIn } from 'class-validator';
import { FilterIn, ListQueryDto } from '../common/list-query.dto';
import { TEMPLATE_KINDS, type TemplateKind } from './instruction-template.entity';
import { IsVersion } from '../common/is-version.decorator';
import { IsTrimmedText, OptionalNotNull } from '../common/validation';

export class CreateInstructionTemplateDto {
  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;

  @ApiProperty({ enum: TEMPLATE_KINDS, description: 'RETURN (CA) or PENDING_ITEMS (any region)' })
  @IsIn(TEMPLATE_KINDS)
  kind: TemplateKind;

  @ApiProperty({ example: 'Census incomplete' })
  @IsTrimmedText(1, 120)
  title: string;

  @ApiProperty({ description: "The instructions; the API appends the rep's contact when they are sent" })
  @IsTrimmedText(5, 4000)
  body: string;
}

/** An edit: a field left out keeps its value; null is refused, as the columns are required. */
export class UpdateInstructionTemplateDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional({ enum: TEMPLATE_KINDS })
  @OptionalNotNull()
  @IsIn(TEMPLATE_KINDS)
  kind?: TemplateKind;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsTrimmedText(1, 120)
  title?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsTrimmedText(5, 4000)
  body?: string;
}

export class InstructionTemplateListQueryDto extends ListQueryDto {
  @FilterIn(REGIONS)
  region?: Region;

  @FilterIn(TEMPLATE_KINDS)
  kind?: TemplateKind;
}
