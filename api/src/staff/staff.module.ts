import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [AccountsModule],
  controllers: [StaffController],
  providers: [StaffService],
})
export class StaffModule {}
