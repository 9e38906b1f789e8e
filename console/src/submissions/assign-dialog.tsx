import { DialogContentText } from '@mui/material';
import { type Region, REGION_NAMES, reviewsRegion, type SessionUser, type StaffSubmissionRecord } from '@sbo/shared';
import { useState } from 'react';
import {
  AutocompleteInput,
  required,
  useDataProvider,
  useGetIdentity,
  useNotify,
  usePermissions,
  useRefresh,
} from 'react-admin';
import { ActionDialog } from '../common/action-dialog';
import { errorMessage } from '../common/api-error';
import type { ActionResult } from '../common/use-api-action';
import type { AppDataProvider } from '../data/data-provider';
import { useSubmissionAction } from './conflict';
import { groupLabel } from './submission-types';
import { useApiGet } from './use-api-get';

export interface Reviewer {
  id: string;
  name: string;
  email: string;
  roles: string[];
  regions: Region[];
}

/** The active reps and leads a lead may assign to, in one region or all of theirs. */
function useReviewers(regions: Region[]) {
  const only = regions.length === 1 ? `?region=${regions[0]}` : '';
  const { data } = useApiGet<{ data: Reviewer[] }>(`/reviewers${only}`);
  // Every record must go to someone who works its region.
  return (data?.data ?? []).filter((r) => regions.every((region) => reviewsRegion(r, region)));
}

function ReviewerInput({ regions, exclude }: { regions: Region[]; exclude?: string | null }) {
  const reviewers = useReviewers(regions);
  const { identity } = useGetIdentity();
  const choices = reviewers.map((r) => ({
    id: r.id,
    name: `${r.name}${r.id === identity?.id ? ' (you)' : ''} · ${r.roles.includes('lead') ? 'lead' : 'rep'} · ${r.email}`,
    disabled: r.id === exclude,
  }));
  return (
    <AutocompleteInput
      source="assigneeId"
      label="Assign to"
      choices={choices}
      validate={required('Pick a reviewer')}
      helperText={
        regions.length === 1
          ? `Active representatives and leads of ${REGION_NAMES[regions[0]]}`
          : `Only reviewers who work ${regions.join(', ')}`
      }
      autoFocus
    />
  );
}

/** Lead: give one submission to a reviewer of its region, or take it from whoever holds it. */
export function AssignDialog({ record, open, onClose }: { record: StaffSubmissionRecord; open: boolean; onClose: () => void }) {
  const { act, pending } = useSubmissionAction(record);
  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={record.assignee ? `Reassign ${groupLabel(record)}` : `Assign ${groupLabel(record)}`}
      submitLabel={record.assignee ? 'Reassign' : 'Assign'}
      pending={pending}
      defaultValues={{ assigneeId: '' }}
      onSubmit={({ assigneeId }) =>
        act(`/submissions/${record.id}/assign`, { version: record.version, assigneeId }, `${groupLabel(record)} is assigned.`)
      }
    >
      <DialogContentText>
        {record.assignee ? `${record.assignee.name} holds it now.` : 'Nobody holds it yet.'} The reviewer you pick gets it in
        their work, in review.
      </DialogContentText>
      <ReviewerInput regions={[record.region]} exclude={record.assigneeId} />
    </ActionDialog>
  );
}

/**
 * Lead, from the list: assigns every selected submission, one request each with the version the
 * list shows. Those that changed meanwhile (409) or cannot be assigned in their state are left as
 * they are and named.
 */
export function BulkAssignDialog({
  records,
  open,
  onClose,
  onDone,
}: {
  records: StaffSubmissionRecord[];
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const { permissions: user } = usePermissions<SessionUser>();
  const [pending, setPending] = useState(false);
  const regions = [...new Set(records.map((r) => r.region))];

  async function assign({ assigneeId }: Record<string, string>): Promise<ActionResult> {
    setPending(true);
    const failures: string[] = [];
    for (const record of records) {
      try {
        await dataProvider.apiFetch(`/submissions/${record.id}/assign`, {
          method: 'POST',
          body: { version: record.version, assigneeId },
        });
      } catch (error) {
        failures.push(`${groupLabel(record)}: ${errorMessage(error)}`);
      }
    }
    setPending(false);
    refresh();
    const done = records.length - failures.length;
    if (!failures.length) {
      notify(`${done} submission${done > 1 ? 's' : ''} assigned.`, { type: 'success' });
      onDone();
      return { ok: true, data: null };
    }
    if (done) notify(`${done} of ${records.length} assigned.`, { type: 'warning' });
    return { ok: false, message: `Not assigned: ${failures.join(' · ')}` };
  }

  return (
    <ActionDialog
      open={open}
      onClose={onClose}
      title={`Assign ${records.length} submission${records.length > 1 ? 's' : ''}`}
      submitLabel="Assign"
      pending={pending}
      blocked={!user}
      defaultValues={{ assigneeId: '' }}
      onSubmit={assign}
    >
      <DialogContentText>
        Each goes to the reviewer you pick, as the list showed it; one changed by someone meanwhile is left as it is.
      </DialogContentText>
      <ReviewerInput regions={regions} />
    </ActionDialog>
  );
}
