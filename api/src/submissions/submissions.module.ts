import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Census } from './census.entity';
import { CensusRowError } from './census-row-error.entity';
import { CensusRow } from './census-row.entity';
import { SubmissionDocument } from './submission-document.entity';
import { Submission } from './submission.entity';
import { SubmissionsService } from './submissions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Submission, Census, CensusRow, CensusRowError, SubmissionDocument])],
  providers: [SubmissionsService],
  exports: [SubmissionsService],
})
export class SubmissionsModule {}
