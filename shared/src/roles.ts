export const STAFF_ROLES = ['rep', 'lead', 'ga_support', 'ebs', 'admin'] as const;
export const PARTNER_ROLES = ['broker', 'ga_admin', 'ga_delegate'] as const;
export const ROLES = [...STAFF_ROLES, ...PARTNER_ROLES] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type Role = (typeof ROLES)[number];

export const isPartnerRole = (role: string): role is PartnerRole =>
  (PARTNER_ROLES as readonly string[]).includes(role);
export const isStaffRole = (role: string): role is StaffRole =>
  (STAFF_ROLES as readonly string[]).includes(role);

/** A user's standing inside their firm (partners only). */
export const FIRM_ROLES = ['ADMIN', 'DELEGATE'] as const;
export type FirmRole = (typeof FIRM_ROLES)[number];

export const FIRM_KINDS = ['GENERAL_AGENCY', 'BROKER_AGENCY'] as const;
export type FirmKind = (typeof FIRM_KINDS)[number];
