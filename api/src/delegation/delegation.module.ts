import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Firm } from './firm.entity';
import { FirmInvitation } from './firm-invitation.entity';
import { FirmsController } from './firms.controller';
import { FirmsService } from './firms.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Firm, FirmInvitation])],
  controllers: [FirmsController, InvitationsController],
  providers: [FirmsService, InvitationsService],
  exports: [InvitationsService],
})
export class DelegationModule {}
