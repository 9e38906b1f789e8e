import { type Action, type AppAbility, type SubjectName } from '@sbo/shared';
import { rulesToAST } from '@casl/ability/extra';

type Condition = NonNullable<ReturnType<typeof rulesToAST>>;

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** Thrown when a rule uses an operator or field this translation does not handle: never guess in SQL. */
export class UnsupportedRuleError extends Error {}

let sequence = 0;

/**
 * Turns the caller's CASL rules for an action on a subject into a SQL condition for list queries,
 * so records the caller may not see are never loaded, counted or revealed.
 * `columns` maps each rule field to its SQL column; a field missing from it is refused.
 */
export function accessibleSql(
  ability: AppAbility,
  action: Action,
  subjectType: Exclude<SubjectName, 'all'>,
  columns: Record<string, string>,
): SqlCondition {
  const ast = rulesToAST(ability, action, subjectType);
  if (!ast) return { sql: 'FALSE', params: {} };
  const params: Record<string, unknown> = {};
  const param = (value: unknown) => {
    const name = `casl_${(sequence = (sequence + 1) % 1_000_000)}`;
    params[name] = value;
    return Array.isArray(value) ? `:...${name}` : `:${name}`;
  };
  const column = (field: string) => {
    const sqlColumn = Object.hasOwn(columns, field) ? columns[field] : undefined;
    if (!sqlColumn) throw new UnsupportedRuleError(`No column is mapped for rule field "${field}" of ${subjectType}`);
    return sqlColumn;
  };

  const translate = (node: Condition): string => {
    const { operator } = node;
    const field = (node as { field?: string }).field;
    const value = node.value as unknown;
    switch (operator) {
      case 'and':
      case 'or': {
        const parts = (value as Condition[]).map(translate);
        if (!parts.length) return operator === 'and' ? 'TRUE' : 'FALSE';
        return `(${parts.join(operator === 'and' ? ' AND ' : ' OR ')})`;
      }
      case 'not':
        return `NOT (${(value as Condition[]).map(translate).join(' AND ') || 'TRUE'})`;
      case 'eq':
        return value === null ? `${column(field!)} IS NULL` : `${column(field!)} = ${param(value)}`;
      case 'ne':
        return value === null ? `${column(field!)} IS NOT NULL` : `${column(field!)} IS DISTINCT FROM ${param(value)}`;
      case 'in':
        return (value as unknown[]).length ? `${column(field!)} IN (${param(value)})` : 'FALSE';
      case 'nin':
        return (value as unknown[]).length ? `${column(field!)} NOT IN (${param(value)})` : 'TRUE';
      default:
        throw new UnsupportedRuleError(`CASL operator "${operator}" is not translated to SQL`);
    }
  };

  return { sql: translate(ast), params };
}
