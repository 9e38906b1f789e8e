import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ContactsModule } from '../contacts/contacts.module';
import { Census } from './census.entity';
import { CensusRowError } from './census-row-error.entity';
import { CensusRow } from './census-row.entity';
import { EligibilityService } from './eligibility.service';
import { PendingItemsService } from './pending-items.service';
import { SubmissionDocument } from './submission-document.entity';
import { SubmissionFilesRepository } from './submission-files.repository';
import { Submission } from './submission.entity';
import { SubmissionsRepository } from './submissions.repository';
import { SubmissionsService } from './submissions.service';

/** The submission domain: what the partner and staff entry points both build on. */
@Module({
  imports: [TypeOrmModule.forFeature([Submission, Census, CensusRow, CensusRowError, SubmissionDocument]), CalendarModule, ContactsModule, AccountsModule],
  providers: [SubmissionsRepository, SubmissionFilesRepository, SubmissionsService, EligibilityService, PendingItemsService],
  exports: [SubmissionsRepository, SubmissionFilesRepository, SubmissionsService, EligibilityService, PendingItemsService],
})
export class SubmissionsModule {}
