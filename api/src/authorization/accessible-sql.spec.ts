import { createMongoAbility } from '@casl/ability';
import { type AppAbility, defineAbilityFor, type Region, type Role, type SessionUser } from '@sbo/shared';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { accessibleSql, UnsupportedRuleError } from './accessible-sql';

const COLUMNS = { region: 'region', state: 'state', firmId: 'firm_id', channel: 'channel', assigneeId: 'assignee_id' };

const user = (roles: Role[], regions: Region[] = [], firmId: string | null = null): SessionUser => ({
  id: 'u', email: 'u@example.com', name: 'U', roles, regions, firmId,
});

/** Translates the rules into SQL with positional parameters, the way TypeORM expands them. */
function toPositional(ability: AppAbility, action: 'read' | 'correct' | 'return'): { text: string; values: unknown[] } {
  const { sql, params } = accessibleSql(ability, action, 'Submission', COLUMNS);
  const values: unknown[] = [];
  const text = sql.replace(/:(\.\.\.)?(casl_\d+)/g, (_, spread, name) => {
    const value = params[name];
    if (spread) return (value as unknown[]).map((v) => `$${values.push(v)}`).join(', ');
    return `$${values.push(value)}`;
  });
  return { text, values };
}

describe('CASL rules as SQL list filters (real PostgreSQL)', () => {
  let db: TestDatabase;
  let client: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query(`CREATE TEMP TABLE sub (id serial, region text, state text, firm_id text, channel text, assignee_id text DEFAULT 'u')`);
    // Two rows per region and firm: one in review, one a partner draft; plus one withdrawn per firm. User u holds them all.
    for (const region of ['CA', 'CO', 'GA', 'MAS']) {
      for (const firm of ['firm-a', 'firm-b']) {
        await client.query(
          `INSERT INTO sub (region, state, firm_id, channel) VALUES ($1, 'IN_REVIEW', $2, 'PORTAL'), ($1, 'DRAFT', $2, 'PORTAL'), ($1, 'WITHDRAWN', $2, 'API')`,
          [region, firm],
        );
      }
    }
  });
  afterAll(async () => {
    await client.end();
    await db.drop();
  });

  const visible = async (ability: AppAbility, action: 'read' | 'correct' | 'return' = 'read') => {
    const { text, values } = toPositional(ability, action);
    const { rows } = await client.query(`SELECT region, state, firm_id FROM sub WHERE ${text} ORDER BY id`, values);
    return rows as { region: string; state: string; firm_id: string }[];
  };

  it.each<[string, string, SessionUser, number, string[]]>([
    ['rep of CA', 'read', user(['rep'], ['CA']), 4, ['CA']],
    ['rep of CO', 'read', user(['rep'], ['CO']), 4, ['CO']],
    ['rep of GA and MAS', 'read', user(['rep'], ['GA', 'MAS']), 8, ['GA', 'MAS']],
    ['lead of CA', 'read', user(['lead'], ['CA']), 4, ['CA']],
    ['rep with no region', 'read', user(['rep'], []), 0, []],
    ['GA support', 'read', user(['ga_support']), 0, []],
    ['admin', 'read', user(['admin']), 0, []],
    ['rep of CA and CO (correct)', 'correct', user(['rep'], ['CA', 'CO']), 6, ['CO']],
    ['rep of CA and CO (return)', 'return', user(['rep'], ['CA', 'CO']), 6, ['CA']],
    ['another rep of CO (correct): reps act on what they hold', 'correct', { ...user(['rep'], ['CO']), id: 'v' }, 0, []],
    ['a lead of CO (correct): held by anyone', 'correct', { ...user(['lead'], ['CO']), id: 'v' }, 6, ['CO']],
  ])('%s loads only the rows it may %s', async (_, action, who, count, regions) => {
    const rows = await visible(defineAbilityFor(who), action as 'read');
    expect(rows).toHaveLength(count);
    expect([...new Set(rows.map((r) => r.region))].sort()).toEqual(regions);
    if (action === 'read') expect(rows.some((r) => r.state === 'DRAFT')).toBe(false);
  });

  it.each([
    ['broker', user(['broker'], [], 'firm-a')],
    ['ga_delegate', user(['ga_delegate'], [], 'firm-a')],
  ])('%s loads only their own firm, withdrawn ones excluded', async (_, who) => {
    const rows = await visible(defineAbilityFor(who));
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.firm_id === 'firm-a' && r.state !== 'WITHDRAWN')).toBe(true);
  });

  it('refuses an operator it does not translate', () => {
    const ability = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Submission', conditions: { region: { $regex: '^C' } } },
    ] as never);
    expect(() => accessibleSql(ability, 'read', 'Submission', COLUMNS)).toThrow(UnsupportedRuleError);
  });

  it('refuses a rule field with no mapped column', () => {
    const ability = createMongoAbility<AppAbility>([
      { action: 'read', subject: 'Submission', conditions: { secret: 'x' } },
    ] as never);
    expect(() => accessibleSql(ability, 'read', 'Submission', COLUMNS)).toThrow(/secret/);
  });
});
