import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { ContactsModule } from '../contacts/contacts.module';
import { EligibilityService } from './eligibility.service';

@Module({
  imports: [CalendarModule, ContactsModule],
  providers: [EligibilityService],
  exports: [EligibilityService],
})
export class EligibilityModule {}
