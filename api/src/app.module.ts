import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { ContactsModule } from './contacts/contacts.module';
import { JwtAuthGuard, PoliciesGuard } from './authorization/guards';
import { ErrorBodyFilter } from './common/error-body.filter';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { namingStrategy } from './database/naming.strategy';
import { DelegationModule } from './delegation/delegation.module';
import { DocumentsModule } from './documents/documents.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MetricsModule } from './metrics/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PartnerSubmissionsModule } from './partner-submissions/partner-submissions.module';
import { PreferencesModule } from './preferences/preferences.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { ReviewModule } from './review/review.module';
import { StaffModule } from './staff/staff.module';
import { SubmissionsModule } from './submissions/submissions.module';

@Module({})
export class AppModule {
  /** `databaseUrl` logs in as the application role, which owns nothing (prepareDatabase's `url`). */
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: databaseUrl,
          namingStrategy,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          // The migrations install what the schema needs; the application role may not create extensions.
          installExtensions: false,
          extra: { max: 20, connectionTimeoutMillis: 3000 },
          // Keep starting when PostgreSQL is briefly away; requests answer 503 meanwhile.
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        AuditModule,
        AuthModule,
        HealthModule,
        JobsModule,
        MetricsModule,
        NotificationsModule,
        ContactsModule,
        StaffModule,
        DelegationModule,
        RegistrationsModule,
        CalendarModule,
        SubmissionsModule,
        PartnerSubmissionsModule,
        DocumentsModule,
        ReviewModule,
        PreferencesModule,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorBodyFilter },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: PoliciesGuard },
      ],
      exports: [APP_CONFIG],
    };
  }
}
