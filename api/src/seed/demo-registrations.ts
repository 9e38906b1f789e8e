import type { EntityManager } from 'typeorm';
import type { RegistrationStatus } from '@sbo/shared';

interface DemoRegistration {
  email: string;
  name: string;
  firmName: string;
  firmTaxId: string;
  status: RegistrationStatus;
  daysAgo: number;
  reason?: string;
}

/**
 * A few registrations in every status. Decided ones are linked to demo firms and accounts that
 * already exist (an approved one to an active delegate, locked and deactivated ones to departed
 * administrators), so the demo firms keep their users as README describes them.
 */
export const DEMO_REGISTRATIONS: DemoRegistration[] = [
  { email: 'jordan.lee@baybenefits.example.com', name: 'Jordan Lee', firmName: 'Bay Area Benefits LLC', firmTaxId: '94-2000011', status: 'PENDING', daysAgo: 1 },
  { email: 'joiner.ga@example.com', name: 'Avery Collins', firmName: 'Peachtree General Agency', firmTaxId: '58-1000003', status: 'PENDING', daysAgo: 2 },
  { email: 'applicant.mas@example.com', name: 'Morgan Price', firmName: 'Chesapeake General Agency', firmTaxId: '52-1000004', status: 'PENDING', daysAgo: 4 },
  { email: 'delegate2.ca@example.com', name: 'Priya Shah', firmName: 'Golden State Benefit Partners', firmTaxId: '94-1000001', status: 'APPROVED', daysAgo: 40 },
  { email: 'delegate2.co@example.com', name: 'Omar Haddad', firmName: 'Front Range Benefits Group', firmTaxId: '84-1000002', status: 'APPROVED', daysAgo: 35 },
  {
    email: 'sam.unverified@example.com', name: 'Sam Unverified', firmName: 'Unverified Insurance Brokers', firmTaxId: '99-9999999',
    status: 'REJECTED', daysAgo: 12, reason: 'No appointed firm has this tax ID. Ask your agency to contact EBS first.',
  },
  {
    email: 'former.admin.co@example.com', name: 'Frank Miller', firmName: 'Front Range Benefits Group', firmTaxId: '84-1000002',
    status: 'LOCKED', daysAgo: 90, reason: 'Security review: the firm reported a shared login.',
  },
  {
    email: 'former.admin.ca@example.com', name: 'Walter Hughes', firmName: 'Golden State Benefit Partners', firmTaxId: '94-1000001',
    status: 'DEACTIVATED', daysAgo: 120, reason: 'Left the agency.',
  },
];

export async function seedDemoRegistrations(manager: EntityManager): Promise<void> {
  for (const r of DEMO_REGISTRATIONS) {
    const decided = r.status !== 'PENDING';
    const linked = decided && r.status !== 'REJECTED';
    await manager.query(
      `INSERT INTO registration (email, name, firm_name, firm_tax_id, status, firm_id, user_id, decision_reason,
                                 decided_by_id, decided_at, created_at, updated_at)
       SELECT $1, $2, $3, $4, $5,
              CASE WHEN $6 THEN (SELECT id FROM firm WHERE tax_id = $4) END,
              CASE WHEN $6 THEN (SELECT id FROM app_user WHERE email = $1) END,
              $7,
              CASE WHEN $8 THEN (SELECT id FROM app_user WHERE email = 'ebs@example.com') END,
              CASE WHEN $8 THEN now() - make_interval(days => $9 - 1) END,
              now() - make_interval(days => $9), now() - make_interval(days => $9)`,
      [r.email, r.name, r.firmName, r.firmTaxId, r.status, linked, r.reason ?? null, decided, r.daysAgo],
    );
  }
}
