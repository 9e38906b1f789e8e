import type { ApiErrorBody } from '@sbo/shared';
import {
  type CreateParams,
  type DataProvider,
  type DeleteParams,
  type GetListParams,
  type GetListResult,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  HttpError,
  type Identifier,
  type RaRecord,
  type UpdateParams,
} from 'react-admin';
import { readSession } from '../auth/session';
import { API_BASE } from '../config';

export interface ApiFetchOptions {
  method?: string;
  /** JSON-encoded, except FormData (uploads), which the browser encodes as multipart. */
  body?: unknown;
  signal?: AbortSignal;
}

/**
 * Calls `/api<path>` with the stored bearer token and returns the parsed JSON body (undefined when
 * empty). Failures throw react-admin's HttpError carrying the API's `message` and its whole error
 * body: `errors` lets a form show validation messages beside each input, `code` lets a screen tell
 * e.g. VERSION_CONFLICT from REGION_POLICY.
 *
 * Screens calling custom actions (`/submissions/:id/approve`, ...) should reach it through
 * `useDataProvider<AppDataProvider>().apiFetch(...)`: react-admin then runs authProvider.checkError,
 * so an expired session logs out the same way as for list and edit calls.
 */
export async function apiFetch<T = unknown>(path: string, { method = 'GET', body, signal }: ApiFetchOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  const token = readSession()?.accessToken;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  let payload: BodyInit | undefined;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers.set('Content-Type', 'application/json');
    payload = JSON.stringify(body);
  }

  const response = await fetch(`${API_BASE}${path}`, { method, headers, body: payload, signal });
  const text = await response.text();
  const parsed: unknown = text && response.headers.get('Content-Type')?.includes('json') ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const error = parsed as Partial<ApiErrorBody> | undefined;
    const message =
      typeof error?.message === 'string' ? error.message : response.statusText || `Request failed (${response.status})`;
    throw new HttpError(message, response.status, error ?? null);
  }
  return parsed as T;
}

/**
 * A react-admin resource name is its path under /api, so partner resources are simply named
 * `partner/submissions` (→ /api/partner/submissions): the name keeps its slash, the id is escaped.
 */
const resourcePath = (resource: string, id?: Identifier) =>
  id === undefined ? `/${resource}` : `/${resource}/${encodeURIComponent(String(id))}`;

type QueryValue = string | number | boolean | null | undefined;

/** The API's list query (docs/api.md): scalars as is, arrays as repeated keys (`id=a&id=b`), empty filters dropped. */
function toQuery(params: Record<string, QueryValue | QueryValue[]>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') query.append(key, String(item));
    }
  }
  const encoded = query.toString();
  return encoded ? `?${encoded}` : '';
}

interface ListQuery {
  pagination?: { page: number; perPage: number };
  sort?: { field: string; order: string };
  filter?: Record<string, QueryValue | QueryValue[]>;
}

const listQuery = ({ pagination, sort, filter }: ListQuery) =>
  toQuery({ ...filter, page: pagination?.page, perPage: pagination?.perPage, sort: sort?.field, order: sort?.order });

/** The API caps perPage at 100, so getMany asks for ids 100 at a time. */
const MAX_PER_PAGE = 100;

function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => isEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/**
 * Only the top-level fields that differ from the record as loaded: corrections are audited field
 * by field, so untouched fields must not look edited. Nested objects (`group`) go whole, as the API allows.
 */
function changedFields(data: Record<string, unknown>, previous: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(data).filter(([key, value]) => key !== 'id' && key !== 'version' && !isEqual(value, previous[key])),
  );
}

/**
 * A page longer than the API's cap (the export button asks for 1,000 rows at once) is read as
 * consecutive API pages of 100: the first one tells the total, the rest are fetched together.
 */
async function getLongList<R extends RaRecord>(
  resource: string,
  { pagination, ...params }: Omit<GetListParams, 'signal'>,
  signal?: AbortSignal,
): Promise<GetListResult<R>> {
  const { page, perPage } = pagination!;
  const first = (page - 1) * perPage;
  const firstApiPage = Math.floor(first / MAX_PER_PAGE) + 1;
  const fetchPage = (apiPage: number) =>
    apiFetch<GetListResult<R>>(
      `${resourcePath(resource)}${listQuery({ ...params, pagination: { page: apiPage, perPage: MAX_PER_PAGE } })}`,
      { signal },
    );
  const head = await fetchPage(firstApiPage);
  const total = head.total ?? head.data.length;
  const end = Math.min(first + perPage, total);
  const lastApiPage = Math.ceil(end / MAX_PER_PAGE);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, lastApiPage - firstApiPage) }, (_, i) => fetchPage(firstApiPage + 1 + i)),
  );
  const rows = [head, ...rest].flatMap((list) => list.data);
  const skip = first - (firstApiPage - 1) * MAX_PER_PAGE;
  return { data: rows.slice(skip, skip + perPage), total };
}

export type AppDataProvider = DataProvider & { apiFetch: typeof apiFetch };

// The API's JSON is typed by whoever asks for it: each method passes its caller's record type on.
export const dataProvider: AppDataProvider = {
  // react-admin passes an AbortSignal so that a list refetched with new filters cancels the stale request.
  supportAbortSignal: true,

  getList: <R extends RaRecord>(resource: string, { signal, ...params }: GetListParams) =>
    params.pagination && params.pagination.perPage > MAX_PER_PAGE
      ? getLongList<R>(resource, params, signal)
      : apiFetch<GetListResult<R>>(`${resourcePath(resource)}${listQuery(params)}`, { signal }),

  getOne: async <R extends RaRecord>(resource: string, { id, signal }: GetOneParams<R>) => ({
    data: await apiFetch<R>(resourcePath(resource, id), { signal }),
  }),

  getMany: async <R extends RaRecord>(resource: string, { ids, signal }: GetManyParams<R>) => {
    const pages: Identifier[][] = [];
    for (let start = 0; start < ids.length; start += MAX_PER_PAGE) pages.push(ids.slice(start, start + MAX_PER_PAGE));
    const lists = await Promise.all(
      pages.map((page) =>
        apiFetch<GetListResult<R>>(`${resourcePath(resource)}${toQuery({ id: page.map(String), page: 1, perPage: page.length })}`, {
          signal,
        }),
      ),
    );
    return { data: lists.flatMap((list) => list.data) };
  },

  getManyReference: <R extends RaRecord>(resource: string, { target, id, filter, signal, ...params }: GetManyReferenceParams) =>
    apiFetch<GetListResult<R>>(`${resourcePath(resource)}${listQuery({ ...params, filter: { ...filter, [target]: String(id) } })}`, {
      signal,
    }),

  create: async <R extends RaRecord>(resource: string, { data }: CreateParams) => ({
    data: await apiFetch<R>(resourcePath(resource), { method: 'POST', body: data }),
  }),

  // Optimistic concurrency: the version the user started from goes with the change, so the API
  // answers 409 VERSION_CONFLICT instead of silently overwriting someone else's edit.
  update: async <R extends RaRecord>(resource: string, { id, data, previousData }: UpdateParams<R>) => ({
    data: await apiFetch<R>(resourcePath(resource, id), {
      method: 'PATCH',
      body: { ...changedFields(data, previousData), version: previousData.version },
    }),
  }),

  updateMany: async () => {
    throw new Error('Bulk update is not supported: every update carries the version of the record it changes.');
  },

  delete: async <R extends RaRecord>(resource: string, { id, previousData }: DeleteParams<R>) => {
    await apiFetch(resourcePath(resource, id), { method: 'DELETE' });
    return { data: previousData ?? ({ id } as R) };
  },

  deleteMany: async (resource, { ids }) => {
    await Promise.all(ids.map((id) => apiFetch(resourcePath(resource, id), { method: 'DELETE' })));
    return { data: ids };
  },

  apiFetch,
};
