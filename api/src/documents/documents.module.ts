import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DocumentsController } from './documents.controller';

/** `GET /api/documents/:id`: for partners and staff alike, whoever may read the submission. */
@Module({
  imports: [SubmissionsModule],
  controllers: [DocumentsController],
})
export class DocumentsModule {}
