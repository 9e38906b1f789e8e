import { ApiProperty } from '@nestjs/swagger';
import { FIRM_ROLES, type FirmRole } from '@sbo/shared';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** Emails are compared and stored in lower case. */
export const toLowerEmail = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class InviteFirmUserDto {
  @ApiProperty({ example: 'new.admin@agency.example.com' })
  @Transform(toLowerEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: FIRM_ROLES, description: 'an ADMIN invitation takes one of the 4 seats of a General Agency' })
  @IsIn(FIRM_ROLES, { message: `role must be one of: ${FIRM_ROLES.join(', ')}` })
  role: FirmRole;
}
