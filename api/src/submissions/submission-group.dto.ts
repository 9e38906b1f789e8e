import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_TIERS, type PlanTier, US_STATES, type UsState } from '@sbo/shared';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from '../common/validation';

export class GroupAddressDto {
  @ApiProperty({ example: '1 Main St' })
  @IsString()
  @Length(1, 200)
  line1: string;

  @ApiPropertyOptional({ example: 'Suite 200', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  line2?: string | null;

  @ApiProperty({ example: 'Denver' })
  @IsString()
  @Length(1, 100)
  city: string;

  @ApiProperty({ enum: US_STATES, example: 'CO' })
  @IsIn(US_STATES)
  state: UsState;

  @ApiProperty({ example: '80202' })
  @Matches(/^\d{5}(-\d{4})?$/, { message: 'zip must be 5 digits or ZIP+4 (12345 or 12345-6789)' })
  zip: string;
}

/** The employer group. Every field may be left out while the partner is still filling the form. */
export class SubmissionGroupDto {
  @ApiPropertyOptional({ example: 'Acme Bakery', nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string | null;

  @ApiPropertyOptional({ description: "The carrier's group ID, once known", example: '104512', nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'groupId must be 1 to 40 letters, digits or hyphens' })
  groupId?: string | null;

  @ApiPropertyOptional({ description: 'Federal EIN', example: '12-3456789', nullable: true })
  @IsOptional()
  @Matches(/^\d{2}-\d{7}$/, { message: 'taxId must be a federal EIN written 12-3456789' })
  taxId?: string | null;

  @ApiPropertyOptional({ example: 12, nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  employeeCount?: number | null;

  @ApiPropertyOptional({ default: false })
  @OptionalNotNull()
  @IsBoolean()
  multiMarket?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Guaranteed availability (SEP): only inside the special enrollment period' })
  @OptionalNotNull()
  @IsBoolean()
  guaranteedAvailability?: boolean;

  @ApiPropertyOptional({ type: GroupAddressDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupAddressDto)
  address?: GroupAddressDto | null;
}

export class PlanSelectionDto {
  @ApiProperty({ example: 'CO-GOLD-500' })
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, { message: 'planCode must be 2 to 40 capital letters, digits or hyphens' })
  planCode: string;

  @ApiProperty({ enum: PLAN_TIERS })
  @IsIn(PLAN_TIERS)
  tier: PlanTier;
}
