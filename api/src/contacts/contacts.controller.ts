import { Body, Controller, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SessionUser } from '@sbo/shared';
import { CurrentUser } from '../authorization/policies.decorator';
import { can, ReadRoute, UpdateRoute } from '../authorization/routes.decorator';
import { ListQueryDto } from '../common/list-query.dto';
import { ContactsService } from './contacts.service';
import { UpdateContactDto } from './update-contact.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('contacts')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @ReadRoute('', can('read', 'Contact'))
  list(@Query() query: ListQueryDto) {
    return this.contacts.list(query);
  }

  @ReadRoute(':id', can('read', 'Contact'))
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.contacts.get(id);
  }

  @UpdateRoute(':id', can('update', 'Contact'))
  update(@Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateContactDto, @CurrentUser() user: SessionUser) {
    return this.contacts.update(id, dto, user);
  }
}
