import type { Submission } from './submission.entity';
import type { UpdateSubmissionDto } from './update-submission.dto';
import { correctedFields, fieldChanges } from './correction';

const current = {
  requestedEffectiveDate: '2027-01-01',
  paymentMethod: 'EFT',
  groupName: 'Acme Bakery',
  groupEmployeeCount: 12,
  groupAddress: { zip: '80202', city: 'Denver', line1: '1 Main St', state: 'CO' },
  plans: [{ tier: 'GOLD', planCode: 'CO-GOLD-500' }],
} as unknown as Submission;

const dto = (fields: Record<string, unknown>) => ({ version: 1, reason: 'why', ...fields }) as UpdateSubmissionDto;

describe('correction fields', () => {
  it('names each sent field as CASL does, group fields by path', () => {
    const fields = correctedFields(dto({ region: 'CA', plans: [], group: { name: 'X', address: null } }));
    expect(fields.map((f) => [f.field, f.column])).toEqual([
      ['region', 'region'],
      ['plans', 'plans'],
      ['group.name', 'groupName'],
      ['group.address', 'groupAddress'],
    ]);
  });

  it('keeps only the fields whose value changes, whatever the key order of objects', () => {
    const fields = correctedFields(
      dto({
        requestedEffectiveDate: '2027-01-01',
        paymentMethod: 'CHECK_COPY',
        plans: [{ planCode: 'CO-GOLD-500', tier: 'GOLD' }],
        group: { name: 'Acme Bakery LLC', employeeCount: 12, address: { line1: '1 Main St', city: 'Denver', state: 'CO', zip: '80202' } },
      }),
    );
    expect(fieldChanges(current, fields)).toEqual([
      { field: 'paymentMethod', column: 'paymentMethod', from: 'EFT', value: 'CHECK_COPY' },
      { field: 'group.name', column: 'groupName', from: 'Acme Bakery', value: 'Acme Bakery LLC' },
    ]);
  });

  it('sees a cleared value as a change', () => {
    expect(fieldChanges(current, correctedFields(dto({ group: { address: null } })))).toEqual([
      { field: 'group.address', column: 'groupAddress', from: current.groupAddress, value: null },
    ]);
  });
});
