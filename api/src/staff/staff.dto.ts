import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { REGIONS, type Region, STAFF_ROLES, type StaffRole } from '@sbo/shared';
import { FilterIn, ListQueryDto, SearchText } from '../common/list-query.dto';
import { IsVersion } from '../common/is-version.decorator';
import { ClearablePhone, IsAccountEmail, IsPersonName, IsPhone } from '../common/person-fields.decorator';


export class CreateStaffDto {
  @ApiProperty({ example: 'rep.new@example.com' })
  @IsAccountEmail()
  email: string;

  @ApiProperty()
  @IsPersonName()
  name: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiProperty({ enum: STAFF_ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of: ${STAFF_ROLES.join(', ')}` })
  roles: StaffRole[];

  @ApiProperty({ enum: REGIONS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(REGIONS.length)
  @IsIn(REGIONS, { each: true, message: `each region must be one of: ${REGIONS.join(', ')}` })
  regions: Region[];

  @ApiProperty({ description: 'initial password, at least 8 characters' })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;
}

export class UpdateStaffDto {
  @ApiProperty()
  @IsVersion()
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsPersonName()
  name?: string;

  @ClearablePhone()
  phone?: string | null;

  @ApiPropertyOptional({ enum: STAFF_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true, message: `each role must be one of: ${STAFF_ROLES.join(', ')}` })
  roles?: StaffRole[];

  @ApiPropertyOptional({ enum: REGIONS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(REGIONS, { each: true, message: `each region must be one of: ${REGIONS.join(', ')}` })
  regions?: Region[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class StaffListQueryDto extends ListQueryDto {
  @SearchText('search in name and email')
  q?: string;

  @FilterIn(STAFF_ROLES)
  role?: StaffRole;

  @FilterIn(REGIONS)
  region?: Region;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => String)
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
