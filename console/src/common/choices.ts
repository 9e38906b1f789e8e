import { FIRM_KINDS, type FirmKind, type FirmRole, REGION_NAMES, REGIONS, STAFF_ROLES } from '@sbo/shared';
import { ROLE_LABELS } from '../dashboard/role-guide';

/** Choices for react-admin's select, radio and checkbox inputs, worded for people. */
export const REGION_CHOICES = REGIONS.map((region) => ({ id: region, name: `${REGION_NAMES[region]} (${region})` }));

export const FIRM_KIND_LABELS: Record<FirmKind, string> = {
  GENERAL_AGENCY: 'General Agency',
  BROKER_AGENCY: 'Broker agency',
};
export const FIRM_KIND_CHOICES = FIRM_KINDS.map((kind) => ({ id: kind, name: FIRM_KIND_LABELS[kind] }));

export const FIRM_ROLE_LABELS: Record<FirmRole, string> = { ADMIN: 'Administrator', DELEGATE: 'Delegate' };

export const STAFF_ROLE_CHOICES = STAFF_ROLES.map((role) => ({ id: role, name: ROLE_LABELS[role] }));

/** The API's boolean list filters take the strings `true` and `false`. */
export const yesNoChoices = (yes: string, no: string) => [
  { id: 'true', name: yes },
  { id: 'false', name: no },
];
