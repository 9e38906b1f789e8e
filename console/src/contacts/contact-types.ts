import type { Region } from '@sbo/shared';

export type ContactTeam = 'SALES' | 'ENROLLMENT' | 'EBS' | 'GA_SUPPORT';

/** A team mailbox shown to partners in instructions and emails (api/src/contacts). */
export interface ContactRecord {
  id: string;
  team: ContactTeam;
  /** null: one mailbox for every region. */
  region: Region | null;
  label: string;
  email: string;
  phone: string | null;
  version: number;
}

export const TEAM_LABELS: Record<ContactTeam, string> = {
  SALES: 'Regional sales (quoting)',
  ENROLLMENT: 'Enrollment shared service',
  EBS: 'Employer Broker Services',
  GA_SUPPORT: 'GA support',
};
