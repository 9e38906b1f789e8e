import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { create as contentDisposition } from 'content-disposition';
import { CheckPolicies, CurrentAbility } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
import { downloadName } from '../submissions/document-type';
import { SubmissionsService } from '../submissions/submissions.service';

/**
 * The plain `filename` for clients that ignore RFC 6266's `filename*` (which carries the real name):
 * accents dropped, anything else outside printable ASCII, quotes, backslashes and % made `_`.
 */
const asciiFallback = (name: string) =>
  name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\%]/g, '_');

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Submission'))
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  // Served as a download under its detected type and name, never sniffed or rendered inline.
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiOperation({ summary: "Download a submission's document (anyone who may see the submission)." })
  async download(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Document') })) id: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<StreamableFile> {
    const document = await this.submissions.document(ability, id);
    const name = downloadName(document.fileName, document.mimeType);
    return new StreamableFile(document.content, {
      type: document.mimeType,
      length: document.sizeBytes,
      disposition: contentDisposition(name, { fallback: asciiFallback(name) }),
    });
  }
}
