import { Alert, AlertTitle, Button, LinearProgress, List, ListItem, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentSummary } from '@sbo/shared';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { downloadDocument } from '../submissions/documents';
import { DOCUMENT_KIND_LABELS } from '../submissions/submission-types';
import { type ApiFailure, type Transaction, toFailure, usePartnerApi } from './api';
import { FileButton } from './file-button';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
const sizeFormat = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Step 4: the signed application, the EFT authorization (CA, EFT) and any other document, as PDF, PNG or JPEG. */
export function DocumentsStep({ record, onChanged }: { record: Transaction; onChanged: () => void }) {
  const api = usePartnerApi();
  const notify = useNotify();
  const [kind, setKind] = useState<DocumentKind>('SIGNED_APPLICATION');
  const [failure, setFailure] = useState<ApiFailure>();
  const [uploading, setUploading] = useState(false);
  const needsEft = record.region === 'CA' && record.paymentMethod === 'EFT';

  const upload = async (file: File) => {
    setUploading(true);
    setFailure(undefined);
    const body = new FormData();
    body.append('kind', kind);
    body.append('file', file);
    try {
      await api<DocumentSummary>(`/${encodeURIComponent(record.id)}/documents`, { method: 'POST', body });
      notify(`${DOCUMENT_KIND_LABELS[kind]} uploaded: ${file.name}`, { type: 'success' });
      onChanged();
    } catch (e) {
      setFailure(toFailure(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Typography variant="body2">
        Needed to submit: the employer's signed application{needsEft ? ' and, for a California group paying by EFT, the signed EFT authorization' : ''}.
        PDF, PNG or JPEG files up to 10 MB.
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          select
          label="Document type"
          value={kind}
          onChange={(e) => setKind(e.target.value as DocumentKind)}
          size="small"
          sx={{ minWidth: 240 }}
          slotProps={{ select: { native: true } }}
        >
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </TextField>
        <FileButton label="Upload a document" accept={ACCEPT} disabled={uploading} onFile={upload} />
      </Stack>
      {uploading && <LinearProgress aria-label="Uploading the document" />}
      {failure && (
        <Alert severity="error" role="alert">
          <AlertTitle>The document was not uploaded</AlertTitle>
          {failure.errors ? Object.values(failure.errors).join(' ') : failure.message}
        </Alert>
      )}
      {record.documents.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No document uploaded yet.
        </Typography>
      ) : (
        <List dense aria-label="Documents uploaded">
          {record.documents.map((d) => (
            <ListItem
              key={d.id}
              secondaryAction={
                <Button size="small" aria-label={`Download ${d.fileName}`} onClick={() => void downloadDocument(d.url, d.fileName).catch((e) => notify(toFailure(e).message, { type: 'error' }))}>
                  Download
                </Button>
              }
            >
              <ListItemText primary={`${DOCUMENT_KIND_LABELS[d.kind]}: ${d.fileName}`} secondary={`${sizeFormat(d.sizeBytes)} · uploaded ${new Date(d.uploadedAt).toLocaleDateString()}`} />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
