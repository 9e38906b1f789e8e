/**
 * The role the API logs in as: every table's rows, but the audit trail only read and appended
 * (granted by the review migration); it owns nothing. Migrations and seeding connect as the owner.
 */
export const APP_ROLE = 'sbo_app';
