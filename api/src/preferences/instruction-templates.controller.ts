import { Body, Controller, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AppAbility, SessionUser } from '@sbo/shared';
import { CurrentAbility, CurrentUser } from '../authorization/policies.decorator';
import { can, CreateRoute, DeleteRoute, ReadRoute, RecordId, UpdateRoute } from '../authorization/routes.decorator';
import {
  CreateInstructionTemplateDto,
  InstructionTemplateListQueryDto,
  UpdateInstructionTemplateDto,
} from './instruction-template.dto';
import { InstructionTemplatesService } from './instruction-templates.service';

const TemplateId = () => RecordId('Instruction template');

@ApiTags('review')
@ApiBearerAuth()
@Controller('instruction-templates')
export class InstructionTemplatesController {
  constructor(private readonly templates: InstructionTemplatesService) {}

  @ReadRoute('', can('read', 'InstructionTemplate'), 'The instruction templates of your regions (returns and pending-item requests).')
  list(@Query() query: InstructionTemplateListQueryDto, @CurrentAbility() ability: AppAbility) {
    return this.templates.list(ability, query);
  }

  @ReadRoute(':id', can('read', 'InstructionTemplate'))
  get(@TemplateId() id: string, @CurrentAbility() ability: AppAbility) {
    return this.templates.get(ability, id);
  }

  @CreateRoute('', can('create', 'InstructionTemplate'), 'Lead: add a template to one of your regions.')
  create(@Body() dto: CreateInstructionTemplateDto, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility) {
    return this.templates.create(user, ability, dto);
  }

  @UpdateRoute(':id', can('update', 'InstructionTemplate'), 'Lead: edit a template of your regions (with its version).')
  update(
    @TemplateId() id: string,
    @Body() dto: UpdateInstructionTemplateDto,
    @CurrentUser() user: SessionUser,
    @CurrentAbility() ability: AppAbility,
  ) {
    return this.templates.update(user, ability, id, dto);
  }

  @DeleteRoute(':id', can('delete', 'InstructionTemplate'), 'Lead: delete a template of your regions.')
  remove(@TemplateId() id: string, @CurrentUser() user: SessionUser, @CurrentAbility() ability: AppAbility): Promise<void> {
    return this.templates.remove(user, ability, id);
  }
}
