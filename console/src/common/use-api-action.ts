import { useCallback, useState } from 'react';
import { HttpError, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { AppDataProvider } from '../data/data-provider';
import { apiErrorBody, errorMessage } from './api-error';

export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; message: string; errors?: Record<string, string>; status?: number; code?: string; details?: unknown };

/**
 * Posts a custom action (`/firms/:id/admins`, `/registrations/:id/approve`, ...; another method when given). Success is
 * announced and every query refetched, so the screen shows the record as the API now has it.
 * A failure is returned, not thrown: the caller shows the API's message where the user is looking
 * (a dialog), with the per-field `errors` for its form. A 409 or 422 also refetches: the record
 * changed meanwhile (someone else's edit, a seat taken), and the screen should show it as it is.
 */
export function useApiAction() {
  const dataProvider = useDataProvider<AppDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);

  const run = useCallback(
    async <T>(path: string, body: unknown, successMessage: string, method = 'POST'): Promise<ActionResult<T>> => {
      setPending(true);
      try {
        const data = await dataProvider.apiFetch<T>(path, { method, body });
        notify(successMessage, { type: 'success' });
        refresh();
        return { ok: true, data };
      } catch (error) {
        const apiError = apiErrorBody(error);
        const status = error instanceof HttpError ? error.status : 0;
        if (status === 409 || status === 422) refresh();
        return {
          ok: false,
          message: errorMessage(error),
          errors: apiError?.errors,
          status,
          code: apiError?.code,
          details: apiError?.details,
        };
      } finally {
        setPending(false);
      }
    },
    [dataProvider, notify, refresh],
  );

  return { run, pending };
}
