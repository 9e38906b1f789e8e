import type { FirmKind, FirmRole, Region, Role } from '@sbo/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../accounts/password';
import { seedDemoRegistrations } from './demo-registrations';
import { seedDemoSubmissions } from './demo-submissions';
import { seedDemoInstructionTemplates } from '../preferences/demo-templates';

export const DEMO_PASSWORD = 'demo1234';

interface DemoStaff {
  email: string;
  name: string;
  phone: string;
  roles: Role[];
  regions: Region[];
}

export const DEMO_STAFF: DemoStaff[] = [
  { email: 'rep.ca@example.com', name: 'Carmen Alvarez', phone: '510-555-0101', roles: ['rep'], regions: ['CA'] },
  { email: 'rep.co@example.com', name: 'Colin Reyes', phone: '303-555-0102', roles: ['rep'], regions: ['CO'] },
  { email: 'rep.multi@example.com', name: 'Grace Mitchell', phone: '404-555-0103', roles: ['rep'], regions: ['GA', 'MAS'] },
  { email: 'lead.ca@example.com', name: 'Lena Cruz', phone: '510-555-0104', roles: ['lead'], regions: ['CA'] },
  { email: 'gasupport@example.com', name: 'Gabriel Stone', phone: '855-555-0105', roles: ['ga_support'], regions: [] },
  { email: 'ebs@example.com', name: 'Erin Baker', phone: '855-327-0507', roles: ['ebs'], regions: [] },
  { email: 'admin@example.com', name: 'Ada Mercer', phone: '855-555-0107', roles: ['admin'], regions: [] },
];

interface DemoFirmUser {
  email: string;
  name: string;
  firmRole: FirmRole;
  active: boolean;
  /** Index into the firm's users of whoever granted this user access. */
  grantedBy?: number;
}

interface DemoFirm {
  name: string;
  taxId: string;
  kind: FirmKind;
  region: Region;
  users: DemoFirmUser[];
}

/**
 * One firm per region. Each has a departed administrator who granted one of its two delegates;
 * the GA firm is at the cap of 4 administrators; the MAS firm has no active administrator left.
 */
export const DEMO_FIRMS: DemoFirm[] = [
  {
    name: 'Golden State Benefit Partners',
    taxId: '94-1000001',
    kind: 'BROKER_AGENCY',
    region: 'CA',
    users: [
      { email: 'broker.ca@example.com', name: 'Brooke Tanaka', firmRole: 'ADMIN', active: true },
      { email: 'former.admin.ca@example.com', name: 'Walter Hughes', firmRole: 'ADMIN', active: false },
      { email: 'delegate1.ca@example.com', name: 'Diego Ramos', firmRole: 'DELEGATE', active: true, grantedBy: 1 },
      { email: 'delegate2.ca@example.com', name: 'Priya Shah', firmRole: 'DELEGATE', active: true, grantedBy: 0 },
    ],
  },
  {
    name: 'Front Range Benefits Group',
    taxId: '84-1000002',
    kind: 'BROKER_AGENCY',
    region: 'CO',
    users: [
      { email: 'broker.co@example.com', name: 'Bianca Olsen', firmRole: 'ADMIN', active: true },
      { email: 'former.admin.co@example.com', name: 'Frank Miller', firmRole: 'ADMIN', active: false },
      { email: 'delegate1.co@example.com', name: 'Dana Whitfield', firmRole: 'DELEGATE', active: true, grantedBy: 1 },
      { email: 'delegate2.co@example.com', name: 'Omar Haddad', firmRole: 'DELEGATE', active: true, grantedBy: 0 },
    ],
  },
  {
    name: 'Peachtree General Agency',
    taxId: '58-1000003',
    kind: 'GENERAL_AGENCY',
    region: 'GA',
    users: [
      { email: 'gaadmin.ga@example.com', name: 'Georgia Banks', firmRole: 'ADMIN', active: true },
      { email: 'admin2.ga@example.com', name: 'Marcus Lee', firmRole: 'ADMIN', active: true, grantedBy: 0 },
      { email: 'admin3.ga@example.com', name: 'Tasha Green', firmRole: 'ADMIN', active: true, grantedBy: 0 },
      { email: 'admin4.ga@example.com', name: 'Henry Cole', firmRole: 'ADMIN', active: true, grantedBy: 0 },
      { email: 'former.admin.ga@example.com', name: 'Ruth Porter', firmRole: 'ADMIN', active: false },
      { email: 'delegate1.ga@example.com', name: 'Lucy Nguyen', firmRole: 'DELEGATE', active: true, grantedBy: 4 },
      { email: 'delegate2.ga@example.com', name: 'Sam Patel', firmRole: 'DELEGATE', active: true, grantedBy: 0 },
    ],
  },
  {
    name: 'Chesapeake General Agency',
    taxId: '52-1000004',
    kind: 'GENERAL_AGENCY',
    region: 'MAS',
    users: [
      { email: 'former.admin.mas@example.com', name: 'Victor Hale', firmRole: 'ADMIN', active: false },
      { email: 'delegate1.mas@example.com', name: 'Nina Brooks', firmRole: 'DELEGATE', active: true, grantedBy: 0 },
      { email: 'delegate2.mas@example.com', name: 'Eli Moore', firmRole: 'DELEGATE', active: true, grantedBy: 0 },
    ],
  },
];

const partnerRole = (kind: FirmKind, firmRole: FirmRole): Role =>
  kind === 'BROKER_AGENCY' ? 'broker' : firmRole === 'ADMIN' ? 'ga_admin' : 'ga_delegate';

async function seedAccounts(manager: EntityManager, passwordHash: string): Promise<void> {
  for (const s of DEMO_STAFF) {
    await manager.query(
      `INSERT INTO app_user (email, name, phone, password_hash, roles, regions) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.email, s.name, s.phone, passwordHash, s.roles, s.regions],
    );
  }
  for (const f of DEMO_FIRMS) {
    const [{ id: firmId }] = await manager.query(
      `INSERT INTO firm (name, tax_id, kind, region) VALUES ($1, $2, $3, $4) RETURNING id`,
      [f.name, f.taxId, f.kind, f.region],
    );
    const ids: string[] = [];
    for (const u of f.users) {
      const [{ id }] = await manager.query(
        `INSERT INTO app_user (email, name, password_hash, roles, firm_id, firm_role, granted_by_id, active, deactivated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $8 THEN NULL ELSE now() - interval '30 days' END) RETURNING id`,
        [u.email, u.name, passwordHash, [partnerRole(f.kind, u.firmRole)], firmId, u.firmRole,
          u.grantedBy === undefined ? null : ids[u.grantedBy], u.active],
      );
      ids.push(id);
    }
  }
}

/** Capabilities add their own demo data here, in order, inside the seeding transaction. */
export const DEMO_SEEDERS: ((manager: EntityManager) => Promise<void>)[] = [
  seedDemoRegistrations,
  seedDemoSubmissions,
  seedDemoInstructionTemplates,
];

export async function seedDemoData(ds: DataSource): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (manager) => {
    await seedAccounts(manager, passwordHash);
    for (const seed of DEMO_SEEDERS) await seed(manager);
  });
}

/** Seeds only a database with no accounts yet, so restarts and real data are never touched. */
export async function seedDemoDataIfEmpty(ds: DataSource): Promise<boolean> {
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM app_user`);
  if (count > 0) return false;
  await seedDemoData(ds);
  return true;
}
