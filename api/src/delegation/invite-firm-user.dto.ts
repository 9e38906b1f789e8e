import { ApiProperty } from '@nestjs/swagger';
import { FIRM_ROLES, type FirmRole } from '@sbo/shared';
import { IsIn } from 'class-validator';
import { IsAccountEmail, IsPersonName } from '../common/person-fields.decorator';

export class InviteFirmUserDto {
  @ApiProperty({ example: 'new.admin@agency.example.com' })
  @IsAccountEmail()
  email: string;

  @ApiProperty()
  @IsPersonName()
  name: string;

  @ApiProperty({ enum: FIRM_ROLES, description: 'an ADMIN invitation takes one of the 4 seats of a General Agency' })
  @IsIn(FIRM_ROLES, { message: `role must be one of: ${FIRM_ROLES.join(', ')}` })
  role: FirmRole;
}
