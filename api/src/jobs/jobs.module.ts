import { Global, Module } from '@nestjs/common';
import { Jobs } from './jobs.service';

/** Background work on PostgreSQL for every feature: see Jobs. */
@Global()
@Module({ providers: [Jobs], exports: [Jobs] })
export class JobsModule {}
