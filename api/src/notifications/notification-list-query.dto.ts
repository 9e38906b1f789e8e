import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { FilterIn, ListQueryDto } from '../common/list-query.dto';
import type { NotificationStatus } from './notification.entity';

const STATUSES: NotificationStatus[] = ['PENDING', 'SENDING', 'SENT', 'FAILED'];

export class NotificationListQueryDto extends ListQueryDto {
  @FilterIn(STATUSES)
  status?: NotificationStatus;

  @ApiPropertyOptional({ description: 'Recipient email, exact (case-insensitive)' })
  @IsOptional()
  @IsString()
  @Length(1, 320)
  recipient?: string;

  @ApiPropertyOptional({ description: 'The record the email is about, e.g. a submission ID' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  entityId?: string;

  @ApiPropertyOptional({ example: 'submission.submitted' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  template?: string;
}
