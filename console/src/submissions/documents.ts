import { HttpError } from 'react-admin';
import { readSession } from '../auth/session';

/**
 * Documents are served to whoever may read the submission, with the bearer token: fetched as a blob,
 * then opened (preview) or saved (download) from an object URL, never a link that would lose the token.
 */
async function fetchBlob(url: string): Promise<Blob> {
  const token = readSession()?.accessToken;
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw new HttpError(body?.message ?? `The document could not be fetched (${response.status}).`, response.status, body);
  }
  return response.blob();
}

export async function previewDocument(url: string): Promise<void> {
  // Opened before the fetch so that the browser treats it as the user's click, not a pop-up.
  const tab = window.open('', '_blank');
  try {
    const objectUrl = URL.createObjectURL(await fetchBlob(url));
    if (tab) tab.location.href = objectUrl;
    else window.location.assign(objectUrl);
    setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
  } catch (error) {
    tab?.close();
    throw error;
  }
}

export async function downloadDocument(url: string, fileName: string): Promise<void> {
  const objectUrl = URL.createObjectURL(await fetchBlob(url));
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}
