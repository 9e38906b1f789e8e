import type { PlanSelection } from '@sbo/shared';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PlanSelectionDto, SubmissionGroupDto } from './submission-group.dto';
import type { Submission } from './submission.entity';

/** The submission columns the group fields map to; fields not sent are left as they are. */
export function groupColumns(group: SubmissionGroupDto | undefined): QueryDeepPartialEntity<Submission> {
  if (!group) return {};
  const changes: QueryDeepPartialEntity<Submission> = {};
  if (group.name !== undefined) changes.groupName = group.name;
  if (group.groupId !== undefined) changes.groupId = group.groupId;
  if (group.taxId !== undefined) changes.groupTaxId = group.taxId;
  if (group.employeeCount !== undefined) changes.groupEmployeeCount = group.employeeCount;
  if (group.multiMarket !== undefined) changes.groupMultiMarket = group.multiMarket;
  if (group.guaranteedAvailability !== undefined) changes.groupGuaranteedAvailability = group.guaranteedAvailability;
  if (group.address !== undefined) changes.groupAddress = group.address && { ...group.address };
  return changes;
}

/** Plain plan selections for the jsonb column (not DTO instances). */
export const planSelections = (plans: readonly PlanSelectionDto[]): PlanSelection[] =>
  plans.map((p) => ({ planCode: p.planCode, tier: p.tier }));
