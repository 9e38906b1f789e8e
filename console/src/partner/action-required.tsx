import { Alert, AlertTitle, Box, Button, Card, CardContent, Chip, LinearProgress, List, ListItem, Stack, Typography } from '@mui/material';
import type { DocumentKind, DocumentSummary, PendingItem } from '@sbo/shared';
import { useState } from 'react';
import { Link, Title } from 'react-admin';
import { DOCUMENT_KIND_LABELS } from '../submissions/submission-types';
import { type ApiFailure, stepPath, type Transaction, toFailure, usePartnerApi } from './api';
import { FileButton } from './file-button';
import { PARTNER_TYPE_LABELS, transactionId } from './labels';
import { PartnerStatusChip } from './status-chip';
import { Section, TransactionSummary } from './summary';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** A returned transaction (CA) has no pending items: the partner corrects it in the wizard and resubmits. */
export const isReturned = (record: Transaction) => record.partnerStatus === 'ACTION_REQUIRED' && record.pendingItems.length === 0;

function PendingItemRow({ record, item, index, onUploaded }: { record: Transaction; item: PendingItem; index: number; onUploaded: () => void }) {
  const api = usePartnerApi();
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const kind = DOCUMENT_KIND_LABELS[item.kind as DocumentKind] ?? item.kind;
  const cleared = Boolean(item.receivedAt);
  const headingId = `pending-item-${index}`;

  const upload = async (file: File) => {
    setUploading(true);
    setFailure(undefined);
    const body = new FormData();
    body.append('kind', item.kind);
    body.append('file', file);
    try {
      await api<DocumentSummary>(`/${encodeURIComponent(record.id)}/documents`, { method: 'POST', body });
      onUploaded();
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <ListItem component="li" aria-labelledby={headingId} divider sx={{ display: 'block', py: 1.5 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, justifyContent: 'space-between' }}>
        <Box>
          <Typography id={headingId} variant="subtitle1" component="h3">
            {item.description}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Document type: {kind}
          </Typography>
        </Box>
        {cleared ? (
          <Chip color="success" label={`Received ${new Date(item.receivedAt as string).toLocaleDateString()}`} aria-label={`${item.description}: received`} />
        ) : (
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Chip variant="outlined" label="Outstanding" />
            <FileButton label={`Upload ${kind}`} accept={ACCEPT} disabled={uploading} onFile={(file) => void upload(file)} />
          </Stack>
        )}
      </Stack>
      {uploading && <LinearProgress sx={{ mt: 1 }} aria-label={`Uploading ${kind}`} />}
      {failure && (
        <Alert severity="error" role="alert" sx={{ mt: 1 }}>
          <AlertTitle>The document was not uploaded</AlertTitle>
          {failure.errors ? Object.values(failure.errors).join(' ') : failure.message}
        </Alert>
      )}
    </ListItem>
  );
}

/**
 * `#/partner/submissions/:id/action`: what the carrier needs. The instructions (with the
 * representative's contact), then either the requested items, each with its upload (the last one
 * sends the transaction back to the carrier), or, after a return, the way into the wizard to correct
 * and resubmit. Once it is back with the carrier, the confirmation.
 */
export function ActionRequiredScreen({ record, onChanged, sentBack }: { record: Transaction; onChanged: () => void; sentBack: boolean }) {
  const label = `${PARTNER_TYPE_LABELS[record.type]} ${transactionId(record)}`;
  const items = record.pendingItems;
  const backWithCarrier = record.partnerStatus === 'PENDING_KP_REVIEW';
  // Once it is back with the carrier (or decided), the screen names it as it is now.
  const heading = record.partnerStatus === 'ACTION_REQUIRED' ? `Action required: ${label}` : label;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3, maxWidth: 1100 }}>
      <Title title={heading} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <Typography variant="h5" component="h1">
          {heading}
          {record.group.name ? `: ${record.group.name}` : ''}
        </Typography>
        <PartnerStatusChip status={record.partnerStatus} />
      </Stack>
      {backWithCarrier && sentBack && (
        <Alert severity="success" role="status">
          <AlertTitle>Sent back to the carrier</AlertTitle>
          Everything requested has arrived: transaction {transactionId(record)} is back with the carrier and Pending KP review. You can follow
          its status on your dashboard.
        </Alert>
      )}
      {record.instructions && (
        <Card component="section" aria-labelledby="instructions-heading">
          <CardContent>
            <Typography id="instructions-heading" variant="h6" component="h2" gutterBottom>
              Instructions from the carrier
            </Typography>
            <Typography variant="body1" sx={{ whiteSpace: 'pre-line' }}>
              {record.instructions}
            </Typography>
          </CardContent>
        </Card>
      )}
      {items.length > 0 ? (
        <Card component="section" aria-labelledby="requested-heading">
          <CardContent>
            <Typography id="requested-heading" variant="h6" component="h2">
              Requested items
            </Typography>
            <Typography variant="body2" color="text.secondary">
              Upload each one as a PDF, PNG or JPEG up to 10 MB; it clears as soon as it arrives. When the last one arrives, the transaction
              goes back to the carrier.
            </Typography>
            <List aria-labelledby="requested-heading">
              {items.map((item, index) => (
                <PendingItemRow key={`${item.kind}-${index}`} record={record} item={item} index={index} onUploaded={onChanged} />
              ))}
            </List>
          </CardContent>
        </Card>
      ) : (
        isReturned(record) && (
          <Card component="section" aria-labelledby="correct-heading">
            <CardContent>
              <Typography id="correct-heading" variant="h6" component="h2" gutterBottom>
                Correct and resubmit
              </Typography>
              <Typography variant="body2" sx={{ mb: 2 }}>
                The carrier returned this transaction to you. Correct what the instructions ask for in the transaction's steps, then
                resubmit it from the review step.
              </Typography>
              <Button component={Link} to={stepPath(record.id, 'group')} variant="contained">
                Correct the transaction
              </Button>
            </CardContent>
          </Card>
        )
      )}
      <Section title="Summary">
        <TransactionSummary record={record} />
      </Section>
      <Box>
        <Button component={Link} to="/" variant="outlined">
          Back to the dashboard
        </Button>
      </Box>
    </Stack>
  );
}
