import { QueryFailedError } from 'typeorm';
import { checkViolationField, toErrorBody } from './error-body.filter';

const fromDb = (driverError: Record<string, unknown>) =>
  new QueryFailedError('INSERT INTO …', [], Object.assign(new Error('new row violates check constraint'), driverError));

describe('database check violations become a 400 naming the field', () => {
  it.each<[string, string | undefined, Record<string, unknown>]>([
    ['a column check', 'name', { code: '23514', table: 'saved_filter', constraint: 'saved_filter_name_check' }],
    ['a column check of a multi-word table', 'title', { code: '23514', table: 'instruction_template', constraint: 'instruction_template_title_check' }],
    ['a multi-word column', 'groupEmployeeCount', { code: '23514', table: 'submission', constraint: 'submission_group_employee_count_check' }],
    // Named table invariants are not a field's fault (the admin cap has its own 422).
    ['a named table check', undefined, { code: '23514', table: 'submission', constraint: 'submission_partner_needs_firm' }],
    ['the admin cap trigger', undefined, { code: '23514', table: 'app_user', constraint: 'firm_admin_cap' }],
    ["another table's check", undefined, { code: '23514', table: 'firm', constraint: 'saved_filter_name_check' }],
    ['a unique violation', undefined, { code: '23505', table: 'saved_filter', constraint: 'saved_filter_name_check' }],
    ['no constraint name', undefined, { code: '23514', table: 'saved_filter' }],
  ])('%s → %s', (_, field, driverError) => {
    expect(checkViolationField(fromDb(driverError))).toBe(field);
  });

  it('ignores anything that is not a query failure', () => {
    expect(checkViolationField(Object.assign(new Error('x'), { code: '23514', table: 't', constraint: 't_c_check' }))).toBeUndefined();
  });

  it('answers VALIDATION_FAILED with the field in details and errors', () => {
    const body = toErrorBody(fromDb({ code: '23514', table: 'saved_filter', constraint: 'saved_filter_name_check' }));
    expect(body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      details: [{ field: 'name', messages: [expect.any(String)] }],
      errors: { name: expect.any(String) },
    });
    expect(body.message).not.toMatch(/constraint|saved_filter/);
  });
});
