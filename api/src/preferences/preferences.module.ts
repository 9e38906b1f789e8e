import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InstructionTemplate } from './instruction-template.entity';
import { InstructionTemplatesController } from './instruction-templates.controller';
import { InstructionTemplatesService } from './instruction-templates.service';
import { SavedFilter } from './saved-filter.entity';
import { SavedFiltersController } from './saved-filters.controller';
import { SavedFiltersService } from './saved-filters.service';

/** Review preferences: per-person saved list filters and per-region instruction templates. */
@Module({
  imports: [TypeOrmModule.forFeature([SavedFilter, InstructionTemplate])],
  controllers: [SavedFiltersController, InstructionTemplatesController],
  providers: [SavedFiltersService, InstructionTemplatesService],
})
export class PreferencesModule {}
