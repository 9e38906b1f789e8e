import { asSubject, defineAbilityFor } from './permissions';
import type { Region } from './regions';
import type { Role } from './roles';
import type { SessionUser } from './user';

const user = (roles: Role[], regions: Region[] = [], firmId: string | null = null): SessionUser => ({
  id: 'u1',
  email: 'u@example.com',
  name: 'U',
  roles,
  regions,
  firmId,
});

/** An IN_REVIEW submission held by user u1 unless `extra` says otherwise. */
const submission = (region: Region, extra: Record<string, unknown> = {}) =>
  asSubject('Submission', { region, firmId: 'firm-a', state: 'IN_REVIEW', channel: 'PORTAL', assigneeId: 'u1', ...extra });

describe('region policy: CA returns, the other regions correct', () => {
  const rep = (regions: Region[]) => defineAbilityFor(user(['rep'], regions));
  it.each<[Region[], Region, boolean, boolean]>([
    [['CA'], 'CA', false, true],
    [['CO'], 'CO', true, false],
    [['GA', 'MAS'], 'GA', true, false],
    [['GA', 'MAS'], 'MAS', true, false],
    [['CA', 'CO'], 'CA', false, true],
    [['CA', 'CO'], 'CO', true, false],
    // Outside the rep's regions: neither.
    [['CA'], 'CO', false, false],
    [['CO'], 'CA', false, false],
    [['GA', 'MAS'], 'CO', false, false],
  ])('rep of %j on a %s submission: correct=%s return=%s', (regions, region, canCorrect, canReturn) => {
    expect(rep(regions).can('correct', submission(region))).toBe(canCorrect);
    expect(rep(regions).can('return', submission(region))).toBe(canReturn);
  });

  it('lets a lead correct what a rep holds outside CA, never in CA', () => {
    const lead = defineAbilityFor(user(['lead'], ['CA', 'CO']));
    expect(lead.can('correct', submission('CO', { assigneeId: 'u2' }))).toBe(true);
    expect(lead.can('correct', submission('CA', { assigneeId: 'u2' }))).toBe(false);
    expect(lead.can('correct', submission('CO', { assigneeId: 'u2' }), 'region')).toBe(false);
  });

  it('lets a rep correct only the correctable fields', () => {
    const ability = rep(['CO']);
    expect(ability.can('correct', submission('CO'), 'group.name')).toBe(true);
    expect(ability.can('correct', submission('CO'), 'requestedEffectiveDate')).toBe(true);
    expect(ability.can('correct', submission('CO'), 'region')).toBe(false);
    expect(ability.can('correct', submission('CO'), 'type')).toBe(false);
  });
});

describe('who may do what on a submission', () => {
  type Case = [string, boolean, SessionUser, string, Record<string, unknown>];
  const caRep = user(['rep'], ['CA']);
  const caLead = user(['lead'], ['CA']);
  const broker = user(['broker'], [], 'firm-a');
  const otherBroker = user(['broker'], [], 'firm-b');
  const cases: Case[] = [
    ['CA rep reads a CA submission', true, caRep, 'read', { region: 'CA' }],
    ['CA rep reads a CO submission', false, caRep, 'read', { region: 'CO' }],
    ['CA rep reads a CA partner draft', false, caRep, 'read', { region: 'CA', state: 'DRAFT' }],
    ['CA rep approves a CA submission', true, caRep, 'approve', { region: 'CA' }],
    ['CA rep approves a CO submission', false, caRep, 'approve', { region: 'CO' }],
    ['CA rep assigns', false, caRep, 'assign', { region: 'CA' }],
    ['CA lead assigns a CA submission', true, caLead, 'assign', { region: 'CA' }],
    ['CA lead assigns a CO submission', false, caLead, 'assign', { region: 'CO' }],
    ['CA lead returns a CA submission', true, caLead, 'return', { region: 'CA' }],
    ['CA rep approves a CA submission another rep holds', false, caRep, 'approve', { region: 'CA', assigneeId: 'u2' }],
    ['CA rep returns an unassigned CA submission', false, caRep, 'return', { region: 'CA', assigneeId: null }],
    ['CA rep releases a CA submission another rep holds', false, caRep, 'release', { region: 'CA', assigneeId: 'u2' }],
    ['CA rep claims an unassigned CA submission', true, caRep, 'claim', { region: 'CA', assigneeId: null }],
    ['CA lead approves a CA submission a rep holds', true, caLead, 'approve', { region: 'CA', assigneeId: 'u2' }],
    ['CA lead returns an unassigned CA submission', true, caLead, 'return', { region: 'CA', assigneeId: null }],
    ['CA lead refers offline a CO submission', false, caLead, 'referOffline', { region: 'CO', assigneeId: 'u2' }],
    ['CA rep keys in an OFFLINE submission', true, caRep, 'create', { region: 'CA', channel: 'OFFLINE', firmRegion: null }],
    ['CA rep keys in a PORTAL submission', false, caRep, 'create', { region: 'CA', channel: 'PORTAL', firmRegion: null }],
    ['broker reads their firm submission', true, broker, 'read', { region: 'CO' }],
    ['broker reads their withdrawn submission', false, broker, 'read', { region: 'CO', state: 'WITHDRAWN' }],
    ['broker reads another firm submission', false, otherBroker, 'read', { region: 'CO' }],
    ['broker submits their firm submission', true, broker, 'submit', { region: 'CA' }],
    ['broker submits another firm submission', false, otherBroker, 'submit', { region: 'CA' }],
    ['broker approves', false, broker, 'approve', { region: 'CA' }],
    ['broker creates a PORTAL submission for their firm', true, broker, 'create', { channel: 'PORTAL', firmId: 'firm-a' }],
    ['broker creates an OFFLINE submission', false, broker, 'create', { channel: 'OFFLINE', firmId: 'firm-a' }],
    ['GA support reads a submission', false, user(['ga_support']), 'read', { region: 'CA' }],
    ['EBS reads a submission', false, user(['ebs']), 'read', { region: 'CA' }],
    ['admin reads a submission', false, user(['admin']), 'read', { region: 'CA' }],
  ];
  it.each(cases)('%s → %s', (_, expected, who, action, record) => {
    const ability = defineAbilityFor(who);
    expect(ability.can(action as never, submission((record.region as Region) ?? 'CA', record))).toBe(expected);
  });
});

describe('staff entry: the region of the submission and of its firm', () => {
  // [regions of the rep, region keyed in, region of the firm (null: no firm), allowed]
  const table: [Region[], Region, Region | null, boolean][] = [
    [['CA'], 'CA', null, true],
    [['CA'], 'CA', 'CA', true],
    // A firm of another region: its broker would see what a CA rep keyed in.
    [['CA'], 'CA', 'CO', false],
    [['CA'], 'CO', 'CO', false],
    [['CA'], 'CO', null, false],
    [['GA', 'MAS'], 'MAS', 'MAS', true],
    // Both regions are the rep's, but a submission belongs to its firm's region.
    [['GA', 'MAS'], 'GA', 'MAS', false],
    [['GA', 'MAS'], 'MAS', 'GA', false],
    [[], 'CA', null, false],
  ];
  it.each(table)('rep or lead of %j keys in a %s submission for a firm of %s → %s', (regions, region, firmRegion, allowed) => {
    for (const roles of [['rep'], ['lead']] as Role[][]) {
      const ability = defineAbilityFor(user(roles, regions));
      expect(ability.can('create', asSubject('Submission', { region, channel: 'EMAIL', firmRegion }))).toBe(allowed);
    }
  });

  it('requires the firm region to be stated: a subject without it is refused', () => {
    const ability = defineAbilityFor(user(['rep'], ['CA']));
    expect(ability.can('create', asSubject('Submission', { region: 'CA', channel: 'EMAIL' }))).toBe(false);
  });
});

describe('delegation, registrations and administration by role', () => {
  const roles: Role[] = ['rep', 'lead', 'ga_support', 'ebs', 'admin', 'broker', 'ga_admin', 'ga_delegate'];
  // [action, subject, roles allowed (by subject type)]
  const table: [string, string, Role[]][] = [
    ['read', 'Firm', ['ga_support', 'ebs', 'broker', 'ga_admin', 'ga_delegate']],
    ['promoteAdmin', 'Firm', ['ga_support']],
    ['departAdmin', 'Firm', ['ga_support']],
    ['invite', 'FirmUser', ['ga_support', 'ga_admin']],
    ['decide', 'Registration', ['ebs']],
    ['read', 'Registration', ['ebs']],
    ['manage', 'Staff', ['admin']],
    ['manage', 'Holiday', ['admin']],
    ['read', 'Holiday', roles],
    ['read', 'Notification', ['admin']],
    ['read', 'Metrics', ['lead']],
    ['assign', 'Submission', ['lead']],
    ['read', 'InstructionTemplate', ['rep', 'lead']],
    ['create', 'InstructionTemplate', ['lead']],
    ['delete', 'InstructionTemplate', ['lead']],
    ['manage', 'SavedFilter', ['rep', 'lead', 'ga_support', 'ebs', 'admin']],
  ];
  it.each(table)('%s %s is allowed to exactly %j', (action, subjectType, allowed) => {
    const actual = roles.filter((role) =>
      defineAbilityFor(user([role], ['CA'], 'firm-a')).can(action as never, subjectType as never),
    );
    expect(actual.sort()).toEqual([...allowed].sort());
  });

  it('lets a GA administrator invite delegates to their own firm only, never administrators', () => {
    const ability = defineAbilityFor(user(['ga_admin'], [], 'firm-a'));
    expect(ability.can('invite', asSubject('FirmUser', { firmId: 'firm-a', role: 'DELEGATE' }))).toBe(true);
    expect(ability.can('invite', asSubject('FirmUser', { firmId: 'firm-a', role: 'ADMIN' }))).toBe(false);
    expect(ability.can('invite', asSubject('FirmUser', { firmId: 'firm-b', role: 'DELEGATE' }))).toBe(false);
  });

  it('keeps saved filters to their owner', () => {
    const ability = defineAbilityFor(user(['rep'], ['CA']));
    expect(ability.can('delete', asSubject('SavedFilter', { userId: 'u1' }))).toBe(true);
    expect(ability.can('read', asSubject('SavedFilter', { userId: 'u2' }))).toBe(false);
  });

  it('lets a rep read the templates of their regions and a lead manage them there', () => {
    const rep = defineAbilityFor(user(['rep'], ['CA']));
    const lead = defineAbilityFor(user(['lead'], ['CA']));
    expect(rep.can('read', asSubject('InstructionTemplate', { region: 'CA' }))).toBe(true);
    expect(rep.can('read', asSubject('InstructionTemplate', { region: 'CO' }))).toBe(false);
    expect(rep.can('update', asSubject('InstructionTemplate', { region: 'CA' }))).toBe(false);
    expect(lead.can('update', asSubject('InstructionTemplate', { region: 'CA' }))).toBe(true);
    expect(lead.can('update', asSubject('InstructionTemplate', { region: 'CO' }))).toBe(false);
  });

  it('shows a partner only their own firm', () => {
    const ability = defineAbilityFor(user(['ga_delegate'], [], 'firm-a'));
    expect(ability.can('read', asSubject('Firm', { id: 'firm-a' }))).toBe(true);
    expect(ability.can('read', asSubject('Firm', { id: 'firm-b' }))).toBe(false);
  });
});
