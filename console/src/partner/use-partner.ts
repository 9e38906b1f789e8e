import { asSubject, type FirmRecord, type PartnerSubmissionRecord, type Region, type SessionUser } from '@sbo/shared';
import { useGetList, useGetOne, usePermissions } from 'react-admin';
import type { ContactRecord } from '../contacts/contact-types';

/** The resource name of the partner API (`/api/partner/submissions`). */
export const PARTNER_RESOURCE = 'partner/submissions';

/** The logged-in partner, their firm and its region (the firm's region decides what they may start). */
export function usePartner() {
  const { permissions: user } = usePermissions<SessionUser>();
  const firmId = user?.firmId ?? undefined;
  const { data: firm } = useGetOne<FirmRecord>('firms', { id: firmId ?? '' }, { enabled: Boolean(firmId) });
  return { user, firm, region: firm?.region as Region | undefined };
}

/**
 * A partner record as a CASL subject: the partner API leaves `firmId` out (every record it answers
 * is the caller's firm's), so the caller's firm stands in for it.
 */
export const partnerSubject = (record: Partial<PartnerSubmissionRecord>, user?: SessionUser) =>
  asSubject('Submission', { ...record, firmId: user?.firmId ?? '', channel: record.channel ?? 'PORTAL' });

/** The region's enrollment shared-service mailbox: where offline submissions go (contacts are admin data). */
export function useEnrollmentContact(region: Region | undefined): ContactRecord | undefined {
  const { data } = useGetList<ContactRecord>(
    'contacts',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'team', order: 'ASC' } },
    { enabled: Boolean(region) },
  );
  return data?.find((c) => c.team === 'ENROLLMENT' && c.region === region) ?? data?.find((c) => c.team === 'ENROLLMENT' && c.region === null);
}
