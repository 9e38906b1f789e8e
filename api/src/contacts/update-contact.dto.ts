import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, MaxLength } from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';
import { ClearablePhone, IsPersonName } from '../common/person-fields.decorator';

export class UpdateContactDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsPersonName()
  label?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;

  @ClearablePhone('855-327-0507')
  phone?: string | null;
}
