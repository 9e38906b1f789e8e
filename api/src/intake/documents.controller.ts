import { Controller, Get, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppAbility } from '@sbo/shared';
import { CheckPolicies, CurrentAbility } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
import { DocumentsService } from './documents.service';

/** Files are served as downloads under their detected type, never rendered inline. */
const contentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

@ApiTags('documents')
@ApiBearerAuth()
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'Submission'))
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOperation({ summary: "Download a submission's document (anyone who may see the submission)." })
  async download(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Document') })) id: string,
    @CurrentAbility() ability: AppAbility,
  ): Promise<StreamableFile> {
    const document = await this.documents.download(ability, id);
    return new StreamableFile(document.content, {
      type: document.mimeType,
      length: document.sizeBytes,
      disposition: contentDisposition(document.fileName),
    });
  }
}
