import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CheckPolicies, CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { notFound } from '../common/app-error';
import {
  CreateInstructionTemplateDto,
  InstructionTemplateListQueryDto,
  UpdateInstructionTemplateDto,
} from './instruction-template.dto';
import { InstructionTemplatesService } from './instruction-templates.service';

const TemplateId = () => Param('id', new ParseUUIDPipe({ exceptionFactory: () => notFound('Instruction template') }));

@ApiTags('review')
@ApiBearerAuth()
@Controller('instruction-templates')
export class InstructionTemplatesController {
  constructor(private readonly templates: InstructionTemplatesService) {}

  @Get()
  @CheckPolicies((ability) => ability.can('read', 'InstructionTemplate'))
  @ApiOperation({ summary: 'The instruction templates of your regions (returns and pending-item requests).' })
  list(@Query() query: InstructionTemplateListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.templates.list(ability, query);
  }

  @Get(':id')
  @CheckPolicies((ability) => ability.can('read', 'InstructionTemplate'))
  get(@TemplateId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.templates.get(ability, id);
  }

  @Post()
  @CheckPolicies((ability) => ability.can('create', 'InstructionTemplate'))
  @ApiOperation({ summary: 'Lead: add a template to one of your regions.' })
  create(@Body() dto: CreateInstructionTemplateDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.templates.create(user, ability, dto);
  }

  @Patch(':id')
  @CheckPolicies((ability) => ability.can('update', 'InstructionTemplate'))
  @ApiOperation({ summary: 'Lead: edit a template of your regions (with its version).' })
  update(
    @TemplateId() id: string,
    @Body() dto: UpdateInstructionTemplateDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.templates.update(user, ability, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @CheckPolicies((ability) => ability.can('delete', 'InstructionTemplate'))
  @ApiOperation({ summary: 'Lead: delete a template of your regions.' })
  remove(@TemplateId() id: string, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.templates.remove(user, ability, id);
  }
}
