import { ApiProperty } from '@nestjs/swagger';
import { IsTrimmedText } from '../common/validation';
import { UpdateSubmissionDto } from '../submissions/update-submission.dto';

/**
 * A correction in place: `version` and the record's editable fields, of which CASL lets a rep change
 * only the correctable ones (any other is a 403 naming it), with the reason each change is audited with.
 */
export class CorrectSubmissionDto extends UpdateSubmissionDto {
  @ApiProperty({ description: 'Why: recorded with each changed field and sent to the submitter' })
  @IsTrimmedText(3, 2000)
  reason: string;
}
