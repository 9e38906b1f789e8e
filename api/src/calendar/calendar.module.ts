import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { Clock } from './clock';
import { Holiday } from './holiday.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Holiday])],
  controllers: [CalendarController],
  providers: [CalendarService, Clock],
  exports: [CalendarService, Clock],
})
export class CalendarModule {}
