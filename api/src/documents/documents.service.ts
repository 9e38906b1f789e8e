import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AppAbility } from '@sbo/shared';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-error';
import { SubmissionDocument } from '../submissions/submission-document.entity';
import { SubmissionsService } from '../submissions/submissions.service';

@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly submissions: SubmissionsService,
  ) {}

  /** The document with its content, if the caller may read its submission; otherwise 404. */
  async download(ability: AppAbility, id: string): Promise<SubmissionDocument> {
    const document = await this.dataSource
      .getRepository(SubmissionDocument)
      .createQueryBuilder('d')
      .addSelect('d.content')
      .where('d.id = :id', { id })
      .getOne();
    if (!document || !(await this.submissions.visible(ability, document.submissionId))) throw notFound('Document');
    return document;
  }
}
