import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ConfigError } from '../config/app-config';
import { APP_ROLE } from './app-role';

const SCRAM_ITERATIONS = 4096;

/**
 * PostgreSQL's SCRAM-SHA-256 verifier of a password, which PostgreSQL stores as given: the password
 * itself never reaches the server, so no statement log or statistics view can show it. The password
 * is normalised as node-postgres normalises it when logging in (SASLprep's mappings, then NFKC).
 */
export function scramVerifier(password: string): string {
  const prepared = password
    .replace(/[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g, ' ')
    // eslint-disable-next-line no-misleading-character-class
    .replace(/[\u00AD\u034F\u1806\u180B\u180C\u180D\u200C\u200D\u2060\uFE00-\uFE0F\uFEFF]/g, '')
    .normalize('NFKC');
  const salt = randomBytes(16);
  const salted = pbkdf2Sync(prepared, salt, SCRAM_ITERATIONS, 32, 'sha256');
  const hmac = (text: string) => createHmac('sha256', salted).update(text).digest();
  const storedKey = createHash('sha256').update(hmac('Client Key')).digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${hmac('Server Key').toString('base64')}`;
}

const isPgError = (error: unknown, codes: string[]) => codes.includes((error as { code?: string }).code ?? '');

/**
 * As the owner: lets the application role log in with `password`. False when the owner may not alter
 * it (a user without CREATEROLE, or a role someone else administers) or it does not exist.
 */
export async function setAppRolePassword(ownerUrl: string, password: string): Promise<boolean> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    // A verifier is base64, digits, '$' and ':' only: safe in a literal (utility statements take no parameters).
    await client.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${scramVerifier(password)}'`);
    return true;
  } catch (error) {
    if (isPgError(error, ['42501', '42704'])) return false; // insufficient_privilege, undefined_object
    throw error;
  } finally {
    await client.end();
  }
}

/** `url` with its user and password replaced (in the query string too, which node-postgres prefers). */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.searchParams.delete('user');
  u.searchParams.delete('password');
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  // A socket URL (postgres:///db?host=/run/postgresql) has no authority to hold them.
  if (!u.username) {
    u.searchParams.set('user', user);
    u.searchParams.set('password', password);
  }
  return u.toString();
}

function credentials(url: string): { user: string; password: string } {
  const u = new URL(url);
  return {
    user: u.searchParams.get('user') ?? decodeURIComponent(u.username),
    password: u.searchParams.get('password') ?? decodeURIComponent(u.password),
  };
}

/**
 * The URL the API's pool logs in with, the role made ready by the owner:
 * - DATABASE_APP_URL given: sbo_app's password becomes that URL's, so every instance given the same
 *   URL agrees; where the owner may not alter roles, whoever administers them sets it.
 * - not given (development, tests): a password generated for this start. It replaces the one another
 *   process on the same cluster logged in with, so several instances need DATABASE_APP_URL.
 * - not given and the owner may not alter sbo_app: the owner's URL, as before this role logged in.
 */
export async function prepareRuntimeUrl(ownerUrl: string, appUrl: string | undefined, log: (line: string) => void): Promise<string> {
  if (appUrl) {
    const { user, password } = credentials(appUrl);
    if (user === APP_ROLE && password && !(await setAppRolePassword(ownerUrl, password))) {
      log(`The owner may not alter ${APP_ROLE}: its password must already be the one in DATABASE_APP_URL.`);
    }
    return appUrl;
  }
  const password = randomBytes(24).toString('base64url');
  if (await setAppRolePassword(ownerUrl, password)) return withCredentials(ownerUrl, APP_ROLE, password);
  log(
    `warning: the database user may not alter the ${APP_ROLE} role, so the API works as that user and only the ` +
      'audit trigger keeps the audit trail append-only. Set DATABASE_APP_URL to a role that owns nothing.',
  );
  return ownerUrl;
}

/** What lets the role `url` logs in as rewrite the audit trail; none for sbo_app. */
export async function runtimeRoleProblems(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      role: string;
      superuser: boolean;
      relations: number;
      ownsSchema: boolean;
      owner: string;
      member: boolean;
      rewrite: boolean;
    }>(`
      SELECT current_user AS role, me.rolsuper AS superuser,
             (SELECT count(*)::int FROM pg_class WHERE relowner = me.oid) AS relations,
             -- A schema's owner (the database's owner, for public) may drop any table in it.
             EXISTS (SELECT 1 FROM pg_namespace WHERE nspowner = me.oid)
               OR EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database() AND datdba = me.oid) AS "ownsSchema",
             owner.rolname AS owner, pg_has_role(current_user, owner.oid, 'MEMBER') AS member,
             has_table_privilege('audit_event', 'UPDATE, DELETE, TRUNCATE') AS rewrite
      FROM pg_roles me, pg_class audit JOIN pg_roles owner ON owner.oid = audit.relowner
      WHERE me.rolname = current_user AND audit.oid = 'audit_event'::regclass`);
    const r = rows[0];
    const problems: string[] = [];
    if (r.superuser) problems.push(`${r.role} is a superuser`);
    if (r.relations) problems.push(`${r.role} owns ${r.relations} tables, indexes or sequences`);
    if (r.ownsSchema) problems.push(`${r.role} owns the database or one of its schemas`);
    if (r.member) problems.push(r.role === r.owner ? `${r.role} owns the tables` : `${r.role} is a member of ${r.owner}, the tables' owner`);
    if (r.rewrite) problems.push(`${r.role} may UPDATE, DELETE or TRUNCATE audit_event`);
    return problems;
  } finally {
    await client.end();
  }
}

/** In production the API refuses to start as a role that could rewrite the audit trail; elsewhere it warns. */
export async function verifyRuntimeRole(url: string, production: boolean, log: (line: string) => void): Promise<void> {
  const problems = await runtimeRoleProblems(url);
  if (!problems.length) return;
  const why = `the API's database role could rewrite the audit trail: ${problems.join('; ')}`;
  if (production) {
    throw new ConfigError(
      `Refusing to start: ${why}. Set DATABASE_APP_URL to the ${APP_ROLE} role the migrations create (see README, Configuration).`,
    );
  }
  log(`warning: ${why}.`);
}
