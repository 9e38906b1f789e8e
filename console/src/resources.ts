import type { ResourceProps } from 'react-admin';
import * as contacts from './contacts';
import * as firms from './firms';
import * as holidays from './holidays';
import * as instructionTemplates from './instruction-templates';
import * as notifications from './notifications';
import * as partnerSubmissions from './partner';
import * as registrations from './registrations';
import * as staff from './staff';
import * as submissions from './submissions';

/** What each resource folder's `index.ts` exports: its screens and menu icon. */
export type ResourceModule = Pick<ResourceProps, 'list' | 'show' | 'edit' | 'create' | 'icon' | 'options' | 'recordRepresentation'>;

/**
 * The console's business resources, keyed by react-admin name, which is also the API path under
 * /api (`submissions`, `firms`, ..., and `partner/submissions` for the partner API). Each lives in
 * `src/<resource>/index.ts` (react-admin's demo layout) and is added here when its API exists;
 * the menu follows this order, for the resources the user may list.
 *
 * A new name also needs its CASL subject in auth/auth-provider.ts (RESOURCE_SUBJECTS). Edit and
 * create screens use `mutationMode="pessimistic"`: react-admin shows the API's per-field validation
 * errors and a 409 VERSION_CONFLICT on the form only when it waits for the answer. Lists set `sort`
 * to a field the API sorts by (react-admin's default is `id`). Avoid ReferenceField/ReferenceInput
 * for now: their getMany asks `?id=...`, which the list routes do not accept yet.
 */
export const RESOURCES: Record<string, ResourceModule> = {
  submissions,
  'partner/submissions': partnerSubmissions,
  'instruction-templates': instructionTemplates,
  firms,
  registrations,
  staff,
  holidays,
  contacts,
  notifications,
};
