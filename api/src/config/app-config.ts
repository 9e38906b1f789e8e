import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, validateSync } from 'class-validator';
import { DEVELOPMENT_JWT_SECRET, jwtSecretProblem } from './jwt-secret';
import { parseTrustedProxies } from './trusted-proxies';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Environment the API reads at start. Every variable is optional outside production. */
class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /**
   * What the API's pool logs in as: a role that owns nothing (sbo_app), so the audit trail cannot be
   * rewritten through it. DATABASE_URL (or the embedded cluster's owner) only migrates and seeds.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_APP_URL must be a postgres:// connection URL' })
  DATABASE_APP_URL?: string;

  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  @IsOptional()
  @IsString()
  PG_DATA_DIR?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PG_PORT = 54329;

  @IsOptional()
  @IsString()
  JWT_SECRET?: string;

  /** Lifetime of an access token, in seconds. Deactivation still ends access on the next request. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 15 * 60;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  @MaxLength(200)
  MAIL_FROM = 'Small Business Back Office <no-reply@sbo.example.com>';

  @Matches(MONTH_DAY, { message: 'SEP_WINDOW_START must be MM-DD' })
  SEP_WINDOW_START = '11-15';

  @Matches(MONTH_DAY, { message: 'SEP_WINDOW_END must be MM-DD' })
  SEP_WINDOW_END = '12-15';

  /** Origins allowed to call the API from a browser, comma-separated. The API's own origin is always allowed. */
  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ATTEMPTS_PER_MINUTE = 10;

  /** Proxies whose X-Forwarded-For names the client, comma-separated IPs or CIDRs; unset trusts none. */
  @IsOptional()
  @IsString()
  TRUSTED_PROXIES?: string;

  /** How often the worker delivers due notification emails, in ms; 0 stops it (the default in tests). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  NOTIFICATION_POLL_MS?: number;
}

const CONFIG_KEYS = [
  'NODE_ENV', 'PORT', 'DATABASE_URL', 'DATABASE_APP_URL', 'PG_DATA_DIR', 'PG_PORT', 'JWT_SECRET', 'JWT_TTL_SECONDS',
  'SMTP_URL', 'MAIL_FROM', 'SEP_WINDOW_START', 'SEP_WINDOW_END', 'CORS_ORIGINS', 'LOG_LEVEL', 'LOGIN_ATTEMPTS_PER_MINUTE',
  'NOTIFICATION_POLL_MS', 'TRUSTED_PROXIES',
] as const;

export interface AppConfig {
  production: boolean;
  nodeEnv: string;
  port: number;
  databaseUrl?: string;
  databaseAppUrl?: string;
  pgDataDir?: string;
  pgPort: number;
  jwtSecret: string;
  jwtTtlSeconds: number;
  smtpUrl?: string;
  mailFrom: string;
  sepWindow: { start: string; end: string };
  corsOrigins: string[];
  logLevel: string;
  loginAttemptsPerMinute: number;
  notificationPollMs: number;
  /** Addresses and CIDRs of the proxies in front of the API (Fastify's trustProxy); empty trusts none. */
  trustedProxies: string[];
}

export class ConfigError extends Error {}

/** Validates the environment once at start; every problem is listed in one clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Only our own variables, and an empty one counts as unset so its default applies.
  const ours = Object.fromEntries(
    CONFIG_KEYS.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const vars = plainToInstance(EnvironmentVariables, ours, { exposeDefaultValues: true });
  const errors = validateSync(vars, { skipMissingProperties: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}));
  const production = vars.NODE_ENV === 'production';
  if (production && !vars.JWT_SECRET) problems.push('JWT_SECRET is required when NODE_ENV=production');
  const secretProblem = vars.JWT_SECRET === undefined ? undefined : jwtSecretProblem(vars.JWT_SECRET, production);
  if (secretProblem) problems.push(secretProblem);
  const trustedProxies = parseTrustedProxies(vars.TRUSTED_PROXIES);
  problems.push(...trustedProxies.problems);
  if (production && !vars.DATABASE_APP_URL) {
    problems.push('DATABASE_APP_URL is required when NODE_ENV=production: the API must log in as the sbo_app role, not as the owner (see README, Configuration)');
  }
  if (problems.length) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return {
    production,
    nodeEnv: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    databaseAppUrl: vars.DATABASE_APP_URL,
    pgDataDir: vars.PG_DATA_DIR,
    pgPort: vars.PG_PORT,
    jwtSecret: vars.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET,
    jwtTtlSeconds: vars.JWT_TTL_SECONDS,
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM,
    sepWindow: { start: vars.SEP_WINDOW_START, end: vars.SEP_WINDOW_END },
    corsOrigins: (vars.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    logLevel: vars.LOG_LEVEL,
    loginAttemptsPerMinute: vars.LOGIN_ATTEMPTS_PER_MINUTE,
    // Tests deliver the outbox by hand, so nothing is sent behind their back.
    notificationPollMs: vars.NOTIFICATION_POLL_MS ?? (vars.NODE_ENV === 'test' ? 0 : 5000),
    trustedProxies: trustedProxies.proxies,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
