import { Card, CardContent, CardHeader } from '@mui/material';
import { REGION_NAMES } from '@sbo/shared';
import type { ReactNode } from 'react';
import { Detail, Details } from '../common/details';
import { DOCUMENT_KIND_LABELS, PAYMENT_LABELS } from '../submissions/submission-types';
import type { Transaction } from './api';
import { PARTNER_TYPE_LABELS } from './labels';
import { formatDate } from './rules';

const cardTitle = { title: { variant: 'h6', component: 'h2' } } as const;

export const Section = ({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) => (
  <Card component="section" aria-label={title} variant="outlined">
    <CardHeader title={title} slotProps={cardTitle} action={action} sx={{ pb: 0 }} />
    <CardContent>{children}</CardContent>
  </Card>
);

const dash = (value: ReactNode) => (value === null || value === undefined || value === '' ? '—' : value);

/** Everything the transaction holds, read-only: the review step and the view of a submitted one. */
export function TransactionSummary({ record }: { record: Transaction }) {
  const g = record.group;
  const a = g.address;
  return (
    <Details>
      <Detail label="Type">{PARTNER_TYPE_LABELS[record.type]}</Detail>
      <Detail label="Region">{REGION_NAMES[record.region]}</Detail>
      <Detail label="Group name">{dash(g.name)}</Detail>
      <Detail label="Group ID">{dash(g.groupId)}</Detail>
      <Detail label="Tax ID">{dash(g.taxId)}</Detail>
      <Detail label="Employees">{dash(g.employeeCount)}</Detail>
      <Detail label="Address">{a ? `${a.line1}${a.line2 ? `, ${a.line2}` : ''}, ${a.city}, ${a.state} ${a.zip}` : '—'}</Detail>
      <Detail label="Multi-market">{g.multiMarket ? 'Yes' : 'No'}</Detail>
      <Detail label="Guaranteed availability">{g.guaranteedAvailability ? 'Yes' : 'No'}</Detail>
      <Detail label="Effective date">{record.requestedEffectiveDate ? formatDate(record.requestedEffectiveDate) : '—'}</Detail>
      <Detail label="Payment method">{record.paymentMethod ? PAYMENT_LABELS[record.paymentMethod] : '—'}</Detail>
      <Detail label="Plans">{record.plans.map((p) => `${p.planCode} (${p.tier.toLowerCase()})`).join(', ') || '—'}</Detail>
      <Detail label="Census">
        {record.census
          ? `${record.census.fileName}: ${record.census.acceptedCount} of ${record.census.rowCount} rows kept${record.census.rejectedCount ? `, ${record.census.rejectedCount} with errors` : ''}`
          : '—'}
      </Detail>
      <Detail label="Documents">{record.documents.map((d) => `${DOCUMENT_KIND_LABELS[d.kind]} (${d.fileName})`).join(', ') || '—'}</Detail>
    </Details>
  );
}
