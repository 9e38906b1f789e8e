import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ContactsModule } from '../contacts/contacts.module';
import { Firm } from './firm.entity';
import { FirmInvitation } from './firm-invitation.entity';
import { FirmsController } from './firms.controller';
import { FirmsRepository } from './firms.repository';
import { FirmsService } from './firms.service';
import { InvitationLinks } from './invitation-links';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Firm, FirmInvitation]), ContactsModule, AccountsModule],
  controllers: [FirmsController, InvitationsController],
  providers: [FirmsRepository, FirmsService, InvitationsService, InvitationLinks],
  exports: [FirmsRepository, FirmsService, InvitationsService],
})
export class DelegationModule {}
