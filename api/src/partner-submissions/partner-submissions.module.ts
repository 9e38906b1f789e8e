import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { IdempotencyService } from './idempotency.service';
import { PartnerSubmissionsController } from './partner-submissions.controller';
import { PartnerSubmissionsService } from './partner-submissions.service';

@Module({
  imports: [SubmissionsModule, CalendarModule],
  controllers: [PartnerSubmissionsController],
  providers: [PartnerSubmissionsService, IdempotencyService],
})
export class PartnerSubmissionsModule {}
