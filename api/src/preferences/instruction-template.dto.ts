import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGIONS, type Region } from '@sbo/shared';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ListQueryDto } from '../common/list-query.dto';
import { TEMPLATE_KINDS, type TemplateKind } from './instruction-template.entity';
import { IsVersion } from '../common/is-version.decorator';

export class CreateInstructionTemplateDto {
  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS)
  region: Region;

  @ApiProperty({ enum: TEMPLATE_KINDS, description: 'RETURN (CA) or PENDING_ITEMS (any region)' })
  @IsIn(TEMPLATE_KINDS)
  kind: TemplateKind;

  @ApiProperty({ example: 'Census incomplete' })
  @IsString()
  @Length(1, 120)
  title: string;

  @ApiProperty({ description: "The instructions; the API appends the rep's contact when they are sent" })
  @IsString()
  @Length(5, 4000)
  body: string;
}

export class UpdateInstructionTemplateDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional({ enum: TEMPLATE_KINDS })
  @IsOptional()
  @IsIn(TEMPLATE_KINDS)
  kind?: TemplateKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 120)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(5, 4000)
  body?: string;
}

export class InstructionTemplateListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional({ enum: TEMPLATE_KINDS })
  @IsOptional()
  @IsIn(TEMPLATE_KINDS)
  kind?: TemplateKind;
}
