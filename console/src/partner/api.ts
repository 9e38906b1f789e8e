import type { ApiErrorBody, PartnerSubmissionDetail, SubmissionProblem } from '@sbo/shared';
import { useCallback, useEffect, useState } from 'react';
import { HttpError, useDataProvider } from 'react-admin';
import { apiErrorBody, errorMessage } from '../common/api-error';
import type { AppDataProvider } from '../data/data-provider';
import { PARTNER_RESOURCE } from './use-partner';
import type { Step } from './labels';

export type Transaction = PartnerSubmissionDetail & { reference?: string | number | null };

/** A refused call as the screens show it: the API's message, its code, per-field errors and details. */
export interface ApiFailure {
  status: number;
  code?: string;
  message: string;
  errors?: Record<string, string>;
  problems?: SubmissionProblem[];
}

export function toFailure(error: unknown): ApiFailure {
  const body = apiErrorBody(error) as (Partial<ApiErrorBody> & { details?: { problems?: SubmissionProblem[] } }) | undefined;
  return {
    status: error instanceof HttpError ? error.status : 0,
    code: body?.code,
    message: errorMessage(error),
    errors: body?.errors,
    problems: Array.isArray(body?.details?.problems) ? body.details.problems : undefined,
  };
}

export const transactionPath = (id: string, suffix = '') => `/${PARTNER_RESOURCE}/${encodeURIComponent(id)}${suffix}`;
export const stepPath = (id: string, step: Step) => transactionPath(id, `/step/${step}`);

/** The partner API through react-admin's data provider (so an expired session logs out as everywhere else). */
export function usePartnerApi() {
  const dataProvider = useDataProvider<AppDataProvider>();
  return useCallback(
    <T>(suffix: string, options: { method?: string; body?: unknown; signal?: AbortSignal } = {}) =>
      dataProvider.apiFetch<T>(`/${PARTNER_RESOURCE}${suffix}`, options),
    [dataProvider],
  );
}

/** One transaction's detail (`GET /api/partner/submissions/:id`), replaced in place by each save's answer. */
export function useTransaction(id: string | undefined) {
  const api = usePartnerApi();
  const [record, setRecord] = useState<Transaction>();
  const [failure, setFailure] = useState<ApiFailure>();
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (!id) return undefined;
    const controller = new AbortController();
    api<Transaction>(`/${encodeURIComponent(id)}`, { signal: controller.signal })
      .then((data) => {
        setRecord(data);
        setFailure(undefined);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFailure(toFailure(error));
      });
    return () => controller.abort();
  }, [api, id, tick]);

  const refetch = useCallback(() => setTick((t) => t + 1), []);
  return { record, setRecord, failure, refetch };
}
