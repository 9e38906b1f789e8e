import type { Submission } from './submission.entity';
import type { UpdateSubmissionDto } from './update-submission.dto';

/** One field a correction sets: its path as CASL names it (`group.name`) and the column behind it. */
export interface CorrectedField {
  field: string;
  column: keyof Submission;
  value: unknown;
}

export interface FieldChange extends CorrectedField {
  from: unknown;
}

const TOP_LEVEL_COLUMNS = {
  type: 'type',
  region: 'region',
  requestedEffectiveDate: 'requestedEffectiveDate',
  paymentMethod: 'paymentMethod',
  plans: 'plans',
} as const satisfies Record<string, keyof Submission>;

const GROUP_COLUMNS = {
  name: 'groupName',
  groupId: 'groupId',
  taxId: 'groupTaxId',
  employeeCount: 'groupEmployeeCount',
  multiMarket: 'groupMultiMarket',
  guaranteedAvailability: 'groupGuaranteedAvailability',
  address: 'groupAddress',
} as const satisfies Record<string, keyof Submission>;

/** Plain data for storage and comparison (DTO class instances, no undefined members). */
const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

/** Every field the correction sends, whether or not it differs from the record. */
export function correctedFields(dto: UpdateSubmissionDto): CorrectedField[] {
  const fields: CorrectedField[] = [];
  for (const [key, column] of Object.entries(TOP_LEVEL_COLUMNS)) {
    const value = dto[key as keyof typeof TOP_LEVEL_COLUMNS];
    if (value !== undefined) fields.push({ field: key, column, value: plain(value) });
  }
  for (const [key, column] of Object.entries(GROUP_COLUMNS)) {
    const value = dto.group?.[key as keyof typeof GROUP_COLUMNS];
    if (value !== undefined) fields.push({ field: `group.${key}`, column, value: plain(value) });
  }
  return fields;
}

/** Objects compare by content whatever their key order (jsonb reorders keys); absent equals null. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value ?? null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** The fields whose value actually changes, with the value they had. */
export function fieldChanges(current: Submission, fields: readonly CorrectedField[]): FieldChange[] {
  return fields
    .map((f) => ({ ...f, from: plain(current[f.column]) }))
    .filter((change) => !same(change.from, change.value));
}
