import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, Matches } from 'class-validator';
import { ListQueryDto } from '../common/list-query.dto';
import { IsTrimmedText } from '../common/validation';

const RESOURCE = /^[a-z][a-z/-]{0,63}$/;

export class CreateSavedFilterDto {
  @ApiProperty({ example: 'submissions', description: 'The console resource the filter applies to' })
  @Matches(RESOURCE, { message: 'resource must be a resource name such as submissions' })
  resource: string;

  @ApiProperty({ example: 'CA overdue, unassigned' })
  @IsTrimmedText(1, 80)
  name: string;

  @ApiProperty({ example: { region: 'CA', assigneeId: 'none' }, description: "The list's filter values" })
  @IsObject()
  filter: Record<string, unknown>;
}

export class SavedFilterListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ example: 'submissions' })
  @IsOptional()
  @Matches(RESOURCE, { message: 'resource must be a resource name such as submissions' })
  resource?: string;
}
