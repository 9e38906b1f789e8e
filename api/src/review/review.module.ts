import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ContactsModule } from '../contacts/contacts.module';
import { DelegationModule } from '../delegation/delegation.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { QueueController } from './queue.controller';
import { ReviewQueueService } from './review-queue.service';
import { ReviewService } from './review.service';
import { ReviewersController, ReviewersService } from './reviewers.controller';
import { StaffSubmissionsService } from './staff-submissions.service';
import { SubmissionsReviewController } from './submissions-review.controller';

@Module({
  imports: [SubmissionsModule, CalendarModule, ContactsModule, AccountsModule, DelegationModule],
  controllers: [SubmissionsReviewController, QueueController, ReviewersController],
  providers: [StaffSubmissionsService, ReviewService, ReviewQueueService, ReviewersService],
})
export class ReviewModule {}
