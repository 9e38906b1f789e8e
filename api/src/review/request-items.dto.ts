import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, type DocumentKind } from '@sbo/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, ValidateNested } from 'class-validator';
import { IsTrimmedText } from '../common/validation';
import { VersionDto } from './version.dto';

export class RequestedItemDto {
  @ApiProperty({ enum: DOCUMENT_KINDS, description: 'The document kind that clears this item when the partner uploads it' })
  @IsIn(DOCUMENT_KINDS)
  kind: DocumentKind;

  @ApiProperty({ example: 'Signed EFT authorization' })
  @IsTrimmedText(2, 500)
  description: string;
}

export class RequestItemsDto extends VersionDto {
  @ApiProperty({ type: [RequestedItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RequestedItemDto)
  items: RequestedItemDto[];

  @ApiProperty({ description: "What the submitter should send; the rep's name and contact details are appended" })
  @IsTrimmedText(5, 4000)
  instructions: string;
}
