import { Foundation1763900000000 } from './1763900000000-foundation';
import { Delegation1763900100000 } from './1763900100000-delegation';
import { Intake1763900200000 } from './1763900200000-intake';
import { CalendarDays1763900250000 } from './1763900250000-calendar-days';
import { Review1763900300000 } from './1763900300000-review';
import { ReviewPreferences1763900500000 } from './1763900500000-review-preferences';
import { Performance1763900600000 } from './1763900600000-performance';
import { TurnaroundDays1763900700000 } from './1763900700000-turnaround-days';
import { AppRoleLogin1763900800000 } from './1763900800000-app-role-login';
import { PartnerAccessHardening1763900850000 } from './1763900850000-partner-access-hardening';
import { LoginFailures1763900900000 } from './1763900900000-login-failures';
import { JobQueue1763901400000 } from './1763901400000-job-queue';
import { AdminCapFromShared1763901500000 } from './1763901500000-admin-cap-from-shared';
import { CalendarRulesFromTs1763901750000 } from './1763901750000-calendar-rules-from-ts';
import { SubmissionReference1763901800001 } from './1763901800001-submission-reference';

/** Every migration, in order. Add new ones at the end. */
export const migrations = [
  Foundation1763900000000,
  Delegation1763900100000,
  Intake1763900200000,
  CalendarDays1763900250000,
  Review1763900300000,
  ReviewPreferences1763900500000,
  Performance1763900600000,
  TurnaroundDays1763900700000,
  AppRoleLogin1763900800000,
  PartnerAccessHardening1763900850000,
  LoginFailures1763900900000,
  JobQueue1763901400000,
  AdminCapFromShared1763901500000,
  CalendarRulesFromTs1763901750000,
  SubmissionReference1763901800001,
];
