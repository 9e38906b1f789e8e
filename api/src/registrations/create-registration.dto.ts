import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsAccountEmail } from '../common/person-fields.decorator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A partner's own sign-up for self-service. */
export class CreateRegistrationDto {
  @ApiProperty({ example: 'jordan@agency.example.com' })
  @IsAccountEmail()
  email: string;

  @ApiProperty({ example: 'Jordan Lee' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'Peachtree General Agency' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'firmName is required' })
  @MaxLength(200)
  firmName: string;

  @ApiProperty({ example: '58-1000003', description: "the firm's federal tax ID (EIN)" })
  @Transform(trim)
  @Matches(/^\d{2}-\d{7}$/, { message: 'firmTaxId must be a federal tax ID like 12-3456789' })
  firmTaxId: string;
}
