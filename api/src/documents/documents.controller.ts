import { Controller, Header, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { create as contentDisposition } from 'content-disposition';
import { CurrentAbility } from '../authorization/policies.decorator';
import { can, ReadRoute, RecordId } from '../authorization/routes.decorator';
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

  @ReadRoute(':id', can('read', 'Submission'), "Download a submission's document (anyone who may see the submission).")
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  // Served as a download under its detected type and name, never sniffed or rendered inline.
  @Header('X-Content-Type-Options', 'nosniff')
  async download(@RecordId('Document') id: string, @CurrentAbility() ability: AppAbility): Promise<StreamableFile> {
    const document = await this.submissions.document(ability, id);
    const name = downloadName(document.fileName, document.mimeType);
    return new StreamableFile(document.content, {
      type: document.mimeType,
      length: document.sizeBytes,
      disposition: contentDisposition(name, { fallback: asciiFallback(name) }),
    });
  }
}
