import { REVIEWER_ROLES } from '@sbo/shared';

/*
 * "An active rep or lead of the region": `isActiveReviewer` of @sbo/shared decides it for a record
 * (the console uses it too); this is the same rule as a SQL condition, for queries over app_user.
 * test/sql-rules.spec.ts checks that both answer alike.
 */

const REVIEWER_ROLES_SQL = `ARRAY[${REVIEWER_ROLES.map((role) => `'${role}'`).join(', ')}]::text[]`;

/** The app_user row `alias` is an active rep or lead of one of the regions in `regions` (a text[] expression). */
export const activeReviewerSql = (alias: string, regions: string): string =>
  `(${alias}.active AND ${alias}.roles && ${REVIEWER_ROLES_SQL} AND ${alias}.regions && ${regions})`;
