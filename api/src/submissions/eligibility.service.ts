import { Inject, Injectable } from '@nestjs/common';
import type { Region } from '@sbo/shared';
import { CalendarService } from '../calendar/calendar.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ContactsService } from '../contacts/contacts.service';
import { checkEligibility, type EligibilityInput, parseSepWindow, type RuleViolation, type SepWindow } from './intake-rules';

/**
 * The portal's intake rules with what they need from outside: the configured special enrollment
 * period, the region's business-day calendar, and its enrollment mailbox for "send it offline".
 * Partner submits and staff entry both ask here.
 */
@Injectable()
export class EligibilityService {
  private readonly sepWindow: SepWindow;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly calendar: CalendarService,
    private readonly contacts: ContactsService,
  ) {
    this.sepWindow = parseSepWindow(config.sepWindow.start, config.sepWindow.end);
  }

  /** The first intake rule the submission breaks on `today` (region-local), or null. */
  async violation(input: EligibilityInput, today: string): Promise<RuleViolation | null> {
    const [calendar, offlineContact] = await Promise.all([
      this.calendar.calendarFor(input.region),
      this.enrollmentContact(input.region),
    ]);
    return checkEligibility(input, { today, calendar, sepWindow: this.sepWindow, offlineContact: offlineContact ?? undefined });
  }

  /** The region's enrollment mailbox, as admins keep it in the contact table. */
  async enrollmentContact(region: Region): Promise<string | null> {
    const mailbox = await this.contacts.mailbox('ENROLLMENT', region);
    return mailbox ? `${mailbox.label} at ${mailbox.email}` : null;
  }
}
