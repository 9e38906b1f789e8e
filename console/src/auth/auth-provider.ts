import { ACTIONS, type Action, asSubject, isPartnerRole, isStaffRole, type SessionUser, type SubjectName } from '@sbo/shared';
import { type AuthProvider, HttpError } from 'react-admin';
import { API_BASE } from '../config';
import { apiFetch } from '../data/data-provider';
import { ability, updateAbility } from './ability';
import { clearSession, login, readSession, storeUser } from './session';

/** The CASL subject of each react-admin resource (partner resources drop their `partner/` prefix). */
const RESOURCE_SUBJECTS: Record<string, Exclude<SubjectName, 'all'>> = {
  submissions: 'Submission',
  'instruction-templates': 'InstructionTemplate',
  firms: 'Firm',
  registrations: 'Registration',
  staff: 'Staff',
  holidays: 'Holiday',
  contacts: 'Contact',
  notifications: 'Notification',
};

const PARTNER_PREFIX = 'partner/';

/** Staff resources whose API also serves partners, scoped to their own firm by the API and CASL. */
const PARTNER_READABLE = new Set(['firms']);

/** react-admin's page actions in CASL's words; product actions (`approve`, ...) pass through as they are. */
const PAGE_ACTIONS: Record<string, Action> = {
  list: 'read',
  show: 'read',
  export: 'read',
  create: 'create',
  edit: 'update',
  delete: 'delete',
};

/** Staff never update a submission: outside CA they correct it (CASL limits `correct` by region). */
const EDIT_ACTIONS: Record<string, Action> = { submissions: 'correct' };

const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

export interface AccessRequest {
  action: string;
  resource: string;
  record?: Record<string, unknown>;
}

/**
 * May this user do this on this resource (or record)? Staff resources and partner resources
 * (`partner/...`) share CASL subjects but are different APIs, so each audience sees only its own.
 */
export function canAccessResource(user: SessionUser, { action, resource, record }: AccessRequest): boolean {
  const isPartnerResource = resource.startsWith(PARTNER_PREFIX);
  const name = isPartnerResource ? resource.slice(PARTNER_PREFIX.length) : resource;
  const subject = RESOURCE_SUBJECTS[name];
  const caslAction =
    (action === 'edit' && !isPartnerResource ? EDIT_ACTIONS[name] : undefined) ??
    PAGE_ACTIONS[action] ??
    (isAction(action) ? action : undefined);
  if (!subject || !caslAction) return false;
  const audience = isPartnerResource ? isPartnerRole : isStaffRole;
  const partnerReadable = !isPartnerResource && PARTNER_READABLE.has(name) && user.roles.some(isPartnerRole);
  if (!user.roles.some(audience) && !partnerReadable) return false;
  return record ? ability.can(caslAction, asSubject(subject, record)) : ability.can(caslAction, subject);
}

let confirmedUser: Promise<SessionUser> | undefined;

/**
 * The user behind the stored token, confirmed once per page load by `GET /api/auth/me` before any
 * screen renders: an expired token logs out at once, and changed roles or regions take effect on reload.
 */
function currentUser(): Promise<SessionUser> {
  const session = readSession();
  if (!session) return Promise.reject(new HttpError('Not logged in', 401));
  confirmedUser ??= apiFetch<SessionUser>('/auth/me').then(
    (user) => {
      storeUser(user);
      updateAbility(user);
      return user;
    },
    (error: unknown) => {
      if (error instanceof HttpError && error.status === 401) throw error;
      // API unreachable or failing: keep working with the stored user; data calls report the outage.
      updateAbility(session.user);
      return session.user;
    },
  );
  return confirmedUser;
}

export const authProvider: AuthProvider = {
  // The entry's login page logs in without react-admin (see main.tsx); this serves react-admin's useLogin.
  login: async ({ email, password }: { email: string; password: string }) => {
    const { user } = await login(email, password);
    updateAbility(user);
    confirmedUser = Promise.resolve(user);
  },

  logout: async () => {
    // End the session on the server too, so the token stops working everywhere, not just here.
    const session = readSession();
    if (session) {
      await fetch(`${API_BASE}/auth/logout`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${session.accessToken}` },
        keepalive: true,
      }).catch(() => undefined);
    }
    clearSession();
    // A full page load forgets every cached record and permission, and the entry shows the login page.
    window.location.replace(import.meta.env.BASE_URL);
    return false; // no react-admin redirect: the page is being replaced
  },

  checkAuth: async () => {
    await currentUser();
  },

  // Only 401 ends the session; 403 means "not allowed", which the screen reports.
  checkError: async (error: { status?: number }) => {
    if (error?.status === 401) throw error;
  },

  getIdentity: async () => {
    const user = await currentUser();
    return { id: user.id, fullName: user.name, email: user.email };
  },

  getPermissions: () => currentUser(),

  canAccess: async ({ action, resource, record }) =>
    canAccessResource(await currentUser(), { action, resource, record }),
};
