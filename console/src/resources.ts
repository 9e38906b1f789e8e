import type { ResourceProps } from 'react-admin';

/** What each resource folder's `index.ts` exports: its screens and menu icon. */
export type ResourceModule = Pick<ResourceProps, 'list' | 'show' | 'edit' | 'create' | 'icon' | 'options' | 'recordRepresentation'>;

/**
 * The console's business resources, keyed by react-admin name, which is also the API path under
 * /api (`submissions`, `firms`, ..., and `partner/submissions` for the partner API). Each lives in
 * `src/<resource>/index.ts` (react-admin's demo layout) and is added here when its API exists:
 *
 *   import * as submissions from './submissions';
 *   export const RESOURCES: Record<string, ResourceModule> = { submissions };
 *
 * A new name also needs its CASL subject in auth/auth-provider.ts (RESOURCE_SUBJECTS). Edit and
 * create screens use `mutationMode="pessimistic"`: react-admin shows the API's per-field validation
 * errors and a 409 VERSION_CONFLICT on the form only when it waits for the answer. Lists set `sort`
 * to a field the API sorts by (react-admin's default is `id`).
 */
export const RESOURCES: Record<string, ResourceModule> = {};
