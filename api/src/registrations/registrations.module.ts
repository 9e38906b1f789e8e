import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ContactsModule } from '../contacts/contacts.module';
import { DelegationModule } from '../delegation/delegation.module';
import { Registration } from './registration.entity';
import { RegistrationsController } from './registrations.controller';
import { RegistrationsRepository } from './registrations.repository';
import { RegistrationsService } from './registrations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Registration]), DelegationModule, AccountsModule, ContactsModule],
  controllers: [RegistrationsController],
  providers: [RegistrationsRepository, RegistrationsService],
})
export class RegistrationsModule {}
