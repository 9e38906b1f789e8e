import { ApiProperty, OmitType, PartialType } from '@nestjs/swagger';
import { CreateSubmissionDto } from './create-submission.dto';
import { IsVersion } from '../common/is-version.decorator';

/**
 * A save of an OPEN or returned transaction: the version the partner read, and the fields to
 * change. `group` fields not sent are kept; `address` and `plans` are replaced whole.
 */
export class UpdateSubmissionDto extends PartialType(OmitType(CreateSubmissionDto, ['channel'] as const), {
  skipNullProperties: false,
}) {
  @ApiProperty({ description: 'The version read; a stale one is refused with 409 VERSION_CONFLICT' })
  @IsVersion()
  version: number;
}

