import type { ApiErrorBody } from '@sbo/shared';
import { HttpError } from 'react-admin';

/** The API's error body carried by the HttpError that apiFetch throws, if any. */
export const apiErrorBody = (error: unknown): Partial<ApiErrorBody> | undefined =>
  error instanceof HttpError ? ((error.body as Partial<ApiErrorBody> | null) ?? undefined) : undefined;

/** The API's own wording of what went wrong, which names the rule and what to do instead. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error && error.message ? error.message : 'Something went wrong. Try again.';
