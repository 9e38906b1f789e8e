import { createMongoAbility, type ForcedSubject, type MongoAbility, type RawRuleOf, subject } from '@casl/ability';
import { CORRECT_REGIONS, RETURN_REGIONS, type Region } from './regions';
import { isStaffRole, type Role } from './roles';
import { PARTNER_CHANNELS, STAFF_CHANNELS } from './submissions';
import type { SessionUser } from './user';

/**
 * Every permission of the product, for the API and the console alike.
 * CASL answers *who* may do *what* to *which* records (role, region, firm);
 * the review state machine answers *when* (which transition is allowed from a state).
 */
export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  // partner work on their firm's submissions
  'submit',
  'cancel',
  'upload',
  // review work
  'claim',
  'release',
  'assign',
  'correct',
  'return',
  'requestItems',
  'approve',
  'referOffline',
  // delegation
  'promoteAdmin',
  'departAdmin',
  'invite',
  'deactivate',
  // registrations
  'decide',
] as const;
export type Action = (typeof ACTIONS)[number];

export const SUBJECTS = [
  'Submission',
  'Firm',
  'FirmUser',
  'Registration',
  'Staff',
  'Holiday',
  'Contact',
  'Notification',
  'Metrics',
  'InstructionTemplate',
  'AuditEvent',
  'SavedFilter',
  'all',
] as const;
export type SubjectName = (typeof SUBJECTS)[number];

/** A subject type, or a record tagged with its type by `asSubject` (checked as an instance). */
export type AppSubject = SubjectName | ForcedSubject<Exclude<SubjectName, 'all'>>;
export type AppAbility = MongoAbility<[Action, AppSubject]>;
export type AppRule = RawRuleOf<AppAbility>;

/** Submission fields a representative may correct in place (outside CA). */
export const CORRECTABLE_SUBMISSION_FIELDS = ['requestedEffectiveDate', 'paymentMethod', 'plans', 'group.*'] as const;

type RuleBuilder = (user: SessionUser) => AppRule[];

const intersect = (mine: readonly Region[], allowed: readonly Region[]) => mine.filter((r) => allowed.includes(r));

/** Review work on a submission once someone holds it: the region policy decides correct vs return. */
const WORK_ACTIONS = ['release', 'requestItems', 'approve', 'referOffline'] as const;

/**
 * The review work of `user`'s regions, limited by `held` (extra conditions): a rep works only what
 * they hold (claimed by or assigned to them), a lead anything in their regions.
 */
const workRules = (user: SessionUser, held: Record<string, unknown>): AppRule[] => [
  { action: [...WORK_ACTIONS], subject: 'Submission', conditions: { region: { $in: [...user.regions] }, ...held } },
  // Region policy: CA returns, the other regions correct in place.
  {
    action: 'correct',
    subject: 'Submission',
    fields: [...CORRECTABLE_SUBMISSION_FIELDS],
    conditions: { region: { $in: intersect(user.regions, CORRECT_REGIONS) }, ...held },
  },
  {
    action: 'return',
    subject: 'Submission',
    conditions: { region: { $in: intersect(user.regions, RETURN_REGIONS) }, ...held },
  },
];

/** What a representative does in their own regions; a lead does all of it too. */
const reviewRules: RuleBuilder = (user) => {
  const inMyRegions = { region: { $in: [...user.regions] } };
  return [
    // Partners' unsubmitted drafts are theirs alone.
    { action: 'read', subject: 'Submission', conditions: { ...inMyRegions, state: { $ne: 'DRAFT' } } },
    { action: ['claim', 'upload'], subject: 'Submission', conditions: inMyRegions },
    // Staff key in email and offline submissions for their regions. The would-be submission states
    // its firm's region (`firmRegion`, null without a firm): one rule per region, so the firm is of
    // the same region as the submission, whose broker would otherwise see another region's work.
    ...user.regions.map(
      (region): AppRule => ({
        action: 'create',
        subject: 'Submission',
        conditions: { region, channel: { $in: [...STAFF_CHANNELS] }, firmRegion: { $in: [region, null] } },
      }),
    ),
    // Reps act on what they hold, so two reps never work the same submission.
    ...workRules(user, { assigneeId: user.id }),
    { action: 'read', subject: 'InstructionTemplate', conditions: inMyRegions },
  ];
};

const partnerRules: RuleBuilder = (user) => {
  const firmId = user.firmId ?? '';
  const ofMyFirm = { firmId };
  return [
    // A withdrawn transaction disappears from the partner's list.
    { action: 'read', subject: 'Submission', conditions: { ...ofMyFirm, state: { $ne: 'WITHDRAWN' } } },
    {
      action: 'create',
      subject: 'Submission',
      conditions: { ...ofMyFirm, channel: { $in: [...PARTNER_CHANNELS] } },
    },
    { action: ['update', 'submit', 'cancel', 'upload'], subject: 'Submission', conditions: ofMyFirm },
    { action: 'read', subject: 'Firm', conditions: { id: firmId } },
    { action: 'read', subject: 'FirmUser', conditions: ofMyFirm },
  ];
};

/** One table: each role's rules. A user with several roles gets the union. */
export const ROLE_RULES: Record<Role, RuleBuilder> = {
  rep: reviewRules,
  lead: (user) => {
    const inMyRegions = { region: { $in: [...user.regions] } };
    return [
      ...reviewRules(user),
      // Leads assign and reassign, and may act on any submission of their regions, held or not.
      { action: 'assign', subject: 'Submission', conditions: inMyRegions },
      ...workRules(user, {}),
      { action: 'read', subject: 'Metrics', conditions: inMyRegions },
      { action: 'manage', subject: 'InstructionTemplate', conditions: inMyRegions },
    ];
  },
  ga_support: () => [
    { action: 'read', subject: ['Firm', 'FirmUser'] },
    { action: ['promoteAdmin', 'departAdmin'], subject: 'Firm' },
    { action: 'invite', subject: 'FirmUser' },
  ],
  ebs: () => [
    { action: 'read', subject: ['Firm', 'FirmUser'] },
    { action: ['read', 'create', 'decide'], subject: 'Registration' },
  ],
  admin: () => [
    { action: 'manage', subject: ['Staff', 'Holiday', 'Contact'] },
    { action: 'read', subject: ['Notification', 'AuditEvent'] },
  ],
  broker: partnerRules,
  ga_delegate: partnerRules,
  ga_admin: (user) => [
    ...partnerRules(user),
    // A firm's administrator adds delegates to their own firm only, and deactivates them (GA self-service).
    { action: ['invite', 'deactivate'], subject: 'FirmUser', conditions: { firmId: user.firmId ?? '', role: 'DELEGATE' } },
  ],
};

/** Read access every logged-in user has: the business-day calendar and the contact mailboxes. */
const everyoneRules: AppRule[] = [{ action: 'read', subject: ['Holiday', 'Contact'] }];

/** Every staff member keeps their own saved list filters (on the server, so they follow them to any machine). */
const staffRules: RuleBuilder = (user) => [{ action: 'manage', subject: 'SavedFilter', conditions: { userId: user.id } }];

export function defineRulesFor(user: SessionUser): AppRule[] {
  return [
    ...everyoneRules,
    ...(user.roles.some(isStaffRole) ? staffRules(user) : []),
    ...user.roles.flatMap((role) => ROLE_RULES[role]?.(user) ?? []),
  ];
}

export function defineAbilityFor(user: SessionUser): AppAbility {
  return createMongoAbility<AppAbility>(defineRulesFor(user));
}

/** Tags a plain record with its subject type, so CASL checks it as an instance. */
export const asSubject = <T extends object>(type: Exclude<SubjectName, 'all'>, record: T) => subject(type, record);
