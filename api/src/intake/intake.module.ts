import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ReviewModule } from '../review/review.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { EligibilityModule } from './eligibility.module';
import { IdempotencyService } from './idempotency.service';
import { PartnerSubmissionsController } from './partner-submissions.controller';
import { PartnerSubmissionsService } from './partner-submissions.service';

@Module({
  imports: [SubmissionsModule, CalendarModule, ReviewModule, EligibilityModule],
  controllers: [PartnerSubmissionsController, DocumentsController],
  providers: [PartnerSubmissionsService, DocumentsService, IdempotencyService],
  exports: [IdempotencyService],
})
export class IntakeModule {}
