import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIRM_KINDS, FIRM_ROLES, type FirmKind, type FirmRole, REGIONS, type Region } from '@sbo/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsVersion } from '../common/is-version.decorator';
import { IsNonEmptyText, IsReason } from '../common/validation';

class VersionedDecisionDto {
  @ApiPropertyOptional({ description: 'the registration version as read; a concurrent decision answers 409' })
  @IsOptional()
  @IsVersion()
  version?: number;
}

/** Lock, unlock, re-invite, deactivate: an optional reason, and the version as read. */
export class RegistrationDecisionDto extends VersionedDecisionDto {
  @ApiPropertyOptional({ description: 'why, for the audit trail and the email to the partner' })
  @IsOptional()
  @IsNonEmptyText(1000)
  reason?: string;
}

export class RejectRegistrationDto extends VersionedDecisionDto {
  @ApiProperty({ description: 'told to the partner in the rejection email' })
  @IsReason()
  reason: string;
}

export class NewFirmDto {
  @ApiProperty({ enum: FIRM_KINDS })
  @IsIn(FIRM_KINDS, { message: `kind must be one of: ${FIRM_KINDS.join(', ')}` })
  kind: FirmKind;

  @ApiProperty({ enum: REGIONS })
  @IsIn(REGIONS, { message: `region must be one of: ${REGIONS.join(', ')}` })
  region: Region;

  @ApiPropertyOptional({ description: 'defaults to the firm name the partner registered with' })
  @IsOptional()
  @IsNonEmptyText(200)
  name?: string;
}

/** Approve by linking an existing firm (`firmId`) or creating one (`createFirm`), not both. */
export class ApproveRegistrationDto extends RegistrationDecisionDto {
  @ApiPropertyOptional({ description: 'the existing firm the partner belongs to' })
  @ValidateIf((dto: ApproveRegistrationDto) => dto.createFirm === undefined)
  @IsUUID('all', { message: 'firmId must be the id of a firm (or send createFirm to create one)' })
  firmId?: string;

  @ApiPropertyOptional({ type: NewFirmDto, description: 'create the firm, with the registered name and tax ID' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewFirmDto)
  createFirm?: NewFirmDto;

  @ApiPropertyOptional({
    enum: FIRM_ROLES,
    description: 'the partner\'s role in the firm; DELEGATE unless told (an existing account keeps its role)',
  })
  @IsOptional()
  @IsIn(FIRM_ROLES, { message: `firmRole must be one of: ${FIRM_ROLES.join(', ')}` })
  firmRole?: FirmRole;

  @ApiPropertyOptional({
    minLength: 10,
    maxLength: 500,
    description: "required when the firm's tax ID is not the registered one (else 422 TAX_ID_MISMATCH): why approve anyway",
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(10, { message: 'overrideReason must say why the tax IDs may differ (at least 10 characters)' })
  @MaxLength(500)
  overrideReason?: string;
}
