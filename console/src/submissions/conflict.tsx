import type { StaffSubmissionRecord } from '@sbo/shared';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { createContext, type ReactNode, useCallback, useContext, useId, useMemo, useState } from 'react';
import { useRefresh } from 'react-admin';
import { useApiAction } from '../common/use-api-action';
import { useApiGet } from './use-api-get';
import { DOCUMENT_KIND_LABELS, PAYMENT_LABELS, STATE_LABELS, TYPE_LABELS } from './submission-types';

type Shown = Record<string, string>;

/** The fields a reviewer sees on the screen, as text, to tell what someone else changed. */
export function visibleFields(s: StaffSubmissionRecord): Shown {
  const address = s.group?.address;
  return {
    State: STATE_LABELS[s.state] ?? s.state,
    Assignee: s.assignee ? `${s.assignee.name} (${s.assignee.email})` : 'Unassigned',
    Type: TYPE_LABELS[s.type] ?? s.type,
    'Group name': s.group?.name ?? '—',
    'Group ID': s.group?.groupId ?? '—',
    'Tax ID': s.group?.taxId ?? '—',
    'Employee count': s.group?.employeeCount == null ? '—' : String(s.group.employeeCount),
    Address: address ? `${address.line1}, ${address.city}, ${address.state} ${address.zip}` : '—',
    'Requested effective date': s.requestedEffectiveDate ?? '—',
    'Payment method': s.paymentMethod ? PAYMENT_LABELS[s.paymentMethod] : '—',
    Plans: s.plans?.map((p) => `${p.planCode} (${p.tier})`).join(', ') || '—',
    'Pending items': s.pendingItems?.map((i) => `${DOCUMENT_KIND_LABELS[i.kind]}: ${i.description}`).join('; ') || '—',
    Instructions: s.instructions ?? '—',
    'Due date': s.dueAt ?? '—',
  };
}

export function diffVisible(before: StaffSubmissionRecord, after: StaffSubmissionRecord) {
  const a = visibleFields(before);
  const b = visibleFields(after);
  return Object.keys(b)
    .filter((field) => a[field] !== b[field])
    .map((field) => ({ field, before: a[field], after: b[field] }));
}

interface ConflictState {
  /** The record as the person saw it when they acted. */
  seen: StaffSubmissionRecord;
  message: string;
}

const ConflictContext = createContext<(conflict: ConflictState) => void>(() => undefined);

/**
 * Holds the "someone changed this submission" dialog for a screen: any review action answered
 * 409 VERSION_CONFLICT opens it, listing what changed since the person loaded the record, and only
 * Reload goes on. Nothing is retried on their behalf.
 */
export function ConflictProvider({ children, onConflict }: { children: ReactNode; onConflict?: () => void }) {
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const report = useCallback(
    (c: ConflictState) => {
      onConflict?.();
      setConflict(c);
    },
    [onConflict],
  );
  return (
    <ConflictContext.Provider value={report}>
      {children}
      {conflict && <ConflictDialog conflict={conflict} onClose={() => setConflict(null)} />}
    </ConflictContext.Provider>
  );
}

function ConflictDialog({ conflict, onClose }: { conflict: ConflictState; onClose: () => void }) {
  const titleId = useId();
  const refresh = useRefresh();
  const { data: current, error, loading } = useApiGet<StaffSubmissionRecord>(`/submissions/${conflict.seen.id}`);
  const changes = useMemo(() => (current ? diffVisible(conflict.seen, current) : []), [current, conflict.seen]);
  const reload = () => {
    refresh();
    onClose();
  };
  return (
    <Dialog open onClose={reload} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>Someone changed this submission</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {conflict.message} Your change was not saved. Reload to see the submission as it is now, then decide again.
        </DialogContentText>
        {loading && <LinearProgress aria-label="Loading the current submission" />}
        {error && <Alert severity="warning">{error}</Alert>}
        {current && changes.length === 0 && (
          <Alert severity="info">
            Nothing you see on the screen changed (version {conflict.seen.version} → {current.version}); something behind it did.
          </Alert>
        )}
        {changes.length > 0 && (
          <Table size="small" aria-label="What changed">
            <TableHead>
              <TableRow>
                <TableCell>Field</TableCell>
                <TableCell>You saw</TableCell>
                <TableCell>Now</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {changes.map((c) => (
                <TableRow key={c.field}>
                  <TableCell component="th" scope="row">
                    {c.field}
                  </TableCell>
                  <TableCell sx={{ color: 'text.secondary', textDecoration: 'line-through' }}>{c.before}</TableCell>
                  <TableCell sx={{ fontWeight: 600 }}>{c.after}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={reload} autoFocus>
          Reload
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/**
 * useApiAction for one submission: a 409 opens the conflict dialog (with the record as it was seen)
 * instead of only an error line.
 */
export function useSubmissionAction(record: StaffSubmissionRecord) {
  const { run, pending } = useApiAction();
  const report = useContext(ConflictContext);
  const act = useCallback(
    async (path: string, body: unknown, successMessage: string, method?: string) => {
      const result = await run(path, body, successMessage, method);
      if (!result.ok && result.code === 'VERSION_CONFLICT') report({ seen: record, message: result.message });
      return result;
    },
    [run, report, record],
  );
  return { act, pending };
}
