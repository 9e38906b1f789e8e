import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TurnaroundMetricsController } from './turnaround-metrics.controller';
import { TurnaroundMetricsService } from './turnaround-metrics.service';

@Module({
  imports: [CalendarModule],
  controllers: [TurnaroundMetricsController],
  providers: [TurnaroundMetricsService],
})
export class MetricsModule {}
