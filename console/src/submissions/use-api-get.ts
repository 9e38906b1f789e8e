import { useCallback, useEffect, useState } from 'react';
import { useDataProvider } from 'react-admin';
import { errorMessage } from '../common/api-error';
import type { AppDataProvider } from '../data/data-provider';

/**
 * Reads one API path (`/submissions/:id/census`, `/metrics/turnaround?...`) for a screen part that is
 * not a react-admin resource. `key` refetches when it changes (a record's version, a filter).
 */
export function useApiGet<T>(path: string | null, key: unknown = null) {
  const dataProvider = useDataProvider<AppDataProvider>();
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== null });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: undefined }));
    dataProvider
      .apiFetch<T>(path, { signal: controller.signal })
      .then((data) => setState({ data, loading: false }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ error: errorMessage(error), loading: false });
      });
    return () => controller.abort();
  }, [dataProvider, path, key, tick]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, refetch };
}
