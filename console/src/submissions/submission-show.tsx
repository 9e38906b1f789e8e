import DownloadIcon from '@mui/icons-material/Download';
import VisibilityIcon from '@mui/icons-material/Visibility';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CardHeader,
  Chip,
  IconButton,
  LinearProgress,
  List as MuiList,
  ListItem,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { asSubject, REGION_NAMES, type ReviewAction, type StaffSubmissionDetail } from '@sbo/shared';
import { type ReactNode, useCallback, useState } from 'react';
import { Link, Show, Title, useCreatePath, useNotify, useRecordContext } from 'react-admin';
import { useAbility } from '../auth/ability';
import { errorMessage } from '../common/api-error';
import { Detail, Details } from '../common/details';
import { ApproveDialog, CorrectDialog, ReferOfflineDialog, RequestItemsDialog, ReturnDialog } from './action-dialogs';
import { AssignDialog } from './assign-dialog';
import { CensusCard } from './census-card';
import { ConflictProvider, useSubmissionAction } from './conflict';
import { downloadDocument, previewDocument } from './documents';
import { DueChip } from './due-chip';
import { HistoryTimeline } from './history-timeline';
import { StateChip } from './state-chip';
import { CHANNEL_LABELS, DOCUMENT_KIND_LABELS, groupLabel, PARTNER_STATUS_LABELS, PAYMENT_LABELS, TYPE_LABELS } from './submission-types';

/** What a 404 looks like: the same whether the submission does not exist or belongs to another region. */
function NotFound() {
  const createPath = useCreatePath();
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <CardContent>
        <Title title="Submission not found" />
        <Typography variant="h5" component="h1" gutterBottom>
          Submission not found
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          It does not exist, or it is not in your regions.
        </Typography>
        <Button component={Link} to={createPath({ resource: 'submissions', type: 'list' })} variant="outlined">
          Back to the queue
        </Button>
      </CardContent>
    </Card>
  );
}

export const SubmissionShow = () => (
  <Show<StaffSubmissionDetail>
    component="div"
    actions={false}
    title={false}
    // A 404 stays on this page (no redirect to the list), with a plain "not found".
    queryOptions={{ onError: () => undefined }}
    error={<NotFound />}
  >
    <SubmissionView />
  </Show>
);

const cardTitle = { title: { variant: 'h6', component: 'h2' } } as const;

function Section({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Card component="section" aria-label={title}>
      <CardHeader title={title} action={action} slotProps={cardTitle} sx={{ pb: 0.5 }} />
      <CardContent sx={{ pt: 1 }}>{children}</CardContent>
    </Card>
  );
}

type DialogName = Exclude<ReviewAction, 'claim' | 'release'>;

function SubmissionView() {
  const record = useRecordContext<StaffSubmissionDetail>();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  // The list's cached row shows first; the details (history, actions) come with the full record.
  if (!record || record.availableActions === undefined) return <LinearProgress sx={{ mt: 2 }} aria-label="Loading the submission" />;
  return (
    <ConflictProvider onConflict={closeDialog}>
      <Title title={groupLabel(record)} />
      <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
        <Header record={record} onOpen={setDialog} />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(320px, 1fr)' }, alignItems: 'start' }}>
          <Stack spacing={2}>
            <GroupCard record={record} />
            <Section title="Census">
              <CensusCard record={record} />
            </Section>
            <DocumentsCard record={record} />
          </Stack>
          <Stack spacing={2}>
            <ProblemsCard record={record} />
            {(record.pendingItems?.length ?? 0) > 0 && <PendingItemsCard record={record} />}
            {record.instructions && (
              <Section title="Instructions to the submitter">
                <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
                  {record.instructions}
                </Typography>
              </Section>
            )}
            <Section title="History">
              <HistoryTimeline record={record} />
            </Section>
          </Stack>
        </Box>
      </Stack>
      <ApproveDialog record={record} open={dialog === 'approve'} onClose={closeDialog} />
      <ReferOfflineDialog record={record} open={dialog === 'referOffline'} onClose={closeDialog} />
      <ReturnDialog record={record} open={dialog === 'return'} onClose={closeDialog} />
      <RequestItemsDialog record={record} open={dialog === 'requestItems'} onClose={closeDialog} />
      <CorrectDialog record={record} open={dialog === 'correct'} onClose={closeDialog} />
      <AssignDialog record={record} open={dialog === 'assign'} onClose={closeDialog} />
    </ConflictProvider>
  );
}

const DIALOG_BUTTONS: { action: DialogName; label: (r: StaffSubmissionDetail) => string; variant: 'contained' | 'outlined'; color?: 'success' | 'warning' }[] = [
  { action: 'approve', label: () => 'Approve…', variant: 'contained', color: 'success' },
  { action: 'correct', label: () => 'Correct…', variant: 'outlined' },
  { action: 'return', label: () => 'Return…', variant: 'outlined', color: 'warning' },
  { action: 'requestItems', label: () => 'Request items…', variant: 'outlined' },
  { action: 'referOffline', label: () => 'Refer offline…', variant: 'outlined' },
  { action: 'assign', label: (r) => (r.assignee ? 'Reassign…' : 'Assign…'), variant: 'outlined' },
];

function Header({ record, onOpen }: { record: StaffSubmissionDetail; onOpen: (dialog: DialogName) => void }) {
  const ability = useAbility();
  const { act, pending } = useSubmissionAction(record);
  // The API lists what the state allows for this caller; CASL agrees before a button shows.
  const may = (action: ReviewAction) => record.availableActions.includes(action) && ability.can(action, asSubject('Submission', record));
  const label = groupLabel(record);

  return (
    <Card>
      <CardContent>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between' }}>
          <Box>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
              <Typography variant="h5" component="h1">
                {label}
              </Typography>
              <StateChip state={record.state} />
              <DueChip record={record} />
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {TYPE_LABELS[record.type]} · {REGION_NAMES[record.region]} ({record.region}) · {CHANNEL_LABELS[record.channel]}
              {record.partnerStatus && <> · partner sees <strong>{PARTNER_STATUS_LABELS[record.partnerStatus]}</strong></>}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {record.assignee ? `Held by ${record.assignee.name}` : 'Unassigned'}
              {record.ageBusinessDays !== null && ` · ${record.ageBusinessDays} business day${record.ageBusinessDays === 1 ? '' : 's'} old`}
              {record.dueAt && ` · due ${record.dueAt}`}
            </Typography>
          </Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap role="toolbar" aria-label="Actions">
            {may('claim') && (
              <Button
                variant="contained"
                disabled={pending}
                onClick={() => act(`/submissions/${record.id}/claim`, { version: record.version }, `You hold ${label} now.`)}
              >
                Claim
              </Button>
            )}
            {DIALOG_BUTTONS.filter((b) => may(b.action)).map((b) => (
              <Button key={b.action} variant={b.variant} color={b.color} onClick={() => onOpen(b.action)}>
                {b.label(record)}
              </Button>
            ))}
            {may('release') && (
              <Button
                disabled={pending}
                onClick={() => act(`/submissions/${record.id}/release`, { version: record.version }, `${label} is back in the queue.`)}
              >
                Release
              </Button>
            )}
          </Stack>
        </Stack>
        {record.state === 'SUBMITTED' && !may('claim') && !record.availableActions.length && (
          <Alert severity="info" sx={{ mt: 2 }}>
            Claim it first: representatives act only on the submissions they hold.
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

function GroupCard({ record }: { record: StaffSubmissionDetail }) {
  const { group } = record;
  return (
    <Section title="Group">
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Details>
          <Detail label="Name">{group.name ?? '—'}</Detail>
          <Detail label="Group ID">{group.groupId ?? 'Not assigned yet'}</Detail>
          <Detail label="Tax ID">{group.taxId ?? '—'}</Detail>
          <Detail label="Employees">{group.employeeCount ?? '—'}</Detail>
          <Detail label="Address">
            {group.address ? `${group.address.line1}, ${group.address.city}, ${group.address.state} ${group.address.zip}` : '—'}
          </Detail>
          <Detail label="Multi-market">{yesNo(group.multiMarket)}</Detail>
          <Detail label="Guaranteed availability (SEP)">{yesNo(group.guaranteedAvailability)}</Detail>
        </Details>
        <Details>
          <Detail label="Effective date">{record.requestedEffectiveDate ?? '—'}</Detail>
          <Detail label="Payment">{record.paymentMethod ? PAYMENT_LABELS[record.paymentMethod] : '—'}</Detail>
          <Detail label="Plans">
            {record.plans.length ? (
              <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                {record.plans.map((p) => (
                  <Chip key={p.planCode} size="small" label={`${p.planCode} · ${p.tier}`} />
                ))}
              </Stack>
            ) : (
              '—'
            )}
          </Detail>
          <Detail label="Submitted">{record.submittedAt ? new Date(record.submittedAt).toLocaleString() : '—'}</Detail>
          {record.decidedAt && <Detail label="Decided">{new Date(record.decidedAt).toLocaleString()}</Detail>}
          {record.bypassReason && <Detail label="Rule bypassed because">{record.bypassReason}</Detail>}
          <Detail label="Version">{record.version}</Detail>
        </Details>
      </Box>
    </Section>
  );
}

const sizeFormat = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1_048_576).toFixed(1)} MB`);

function DocumentsCard({ record }: { record: StaffSubmissionDetail }) {
  const notify = useNotify();
  const run = (work: Promise<void>) => work.catch((error: unknown) => notify(errorMessage(error), { type: 'error' }));
  return (
    <Section title="Documents">
      {record.documents.length === 0 ? (
        <Typography variant="body2">No documents yet.</Typography>
      ) : (
        <MuiList dense disablePadding aria-label="Documents">
          {record.documents.map((d) => (
            <ListItem
              key={d.id}
              disableGutters
              secondaryAction={
                <Stack direction="row" spacing={0.5}>
                  <Tooltip title={`Preview ${d.fileName}`}>
                    <IconButton aria-label={`Preview ${d.fileName}`} onClick={() => void run(previewDocument(d.url))}>
                      <VisibilityIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title={`Download ${d.fileName}`}>
                    <IconButton aria-label={`Download ${d.fileName}`} onClick={() => void run(downloadDocument(d.url, d.fileName))}>
                      <DownloadIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </Stack>
              }
            >
              <ListItemText
                primary={`${DOCUMENT_KIND_LABELS[d.kind]} · ${d.fileName}`}
                secondary={`${sizeFormat(d.sizeBytes)} · uploaded ${new Date(d.uploadedAt).toLocaleDateString()}`}
              />
            </ListItem>
          ))}
        </MuiList>
      )}
    </Section>
  );
}

function ProblemsCard({ record }: { record: StaffSubmissionDetail }) {
  const problems = record.problems ?? [];
  return (
    <Section title="Problems">
      {problems.length === 0 ? (
        <Alert severity="success">Complete: nothing is missing.</Alert>
      ) : (
        <Alert severity="warning" icon={false}>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {problems.map((p) => (
              <li key={p.message}>{p.message}</li>
            ))}
          </Box>
        </Alert>
      )}
    </Section>
  );
}

function PendingItemsCard({ record }: { record: StaffSubmissionDetail }) {
  return (
    <Section title="Pending items">
      <MuiList dense disablePadding>
        {record.pendingItems.map((item) => (
          <ListItem key={`${item.kind}-${item.description}`} disableGutters>
            <ListItemText
              primary={item.description}
              secondary={`${DOCUMENT_KIND_LABELS[item.kind]} · ${item.receivedAt ? `received ${new Date(item.receivedAt).toLocaleDateString()}` : 'outstanding'}`}
            />
          </ListItem>
        ))}
      </MuiList>
    </Section>
  );
}
