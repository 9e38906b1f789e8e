import type { ApiErrorBody, SessionUser } from '@sbo/shared';
import { API_BASE } from '../config';

/*
 * The stored session and the login call. This module is part of the login page's bundle, so it
 * must not import react-admin, MUI or CASL (type imports are fine: they vanish at build time).
 */

const TOKEN_KEY = 'sbo.accessToken';
const USER_KEY = 'sbo.user';

export interface Session {
  accessToken: string;
  user: SessionUser;
}

export function readSession(): Session | null {
  const accessToken = localStorage.getItem(TOKEN_KEY);
  const user = localStorage.getItem(USER_KEY);
  if (!accessToken || !user) return null;
  try {
    return { accessToken, user: JSON.parse(user) as SessionUser };
  } catch {
    return null; // a corrupt entry means "not logged in", never a crash
  }
}

export function storeSession({ accessToken, user }: Session): void {
  localStorage.setItem(TOKEN_KEY, accessToken);
  storeUser(user);
}

export function storeUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

export class LoginError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** `POST /api/auth/login`; stores and returns the session, or throws a LoginError worded for the user. */
export async function login(email: string, password: string): Promise<Session> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new LoginError('The server cannot be reached. Check your connection and try again.', 0);
  }
  if (response.status === 429) throw new LoginError('Too many attempts, wait a minute', 429);

  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = (body as Partial<ApiErrorBody> | null)?.message;
    throw new LoginError(typeof message === 'string' ? message : 'Sign-in failed. Try again.', response.status);
  }
  const session = body as Session;
  storeSession(session);
  return session;
}

/** Calls back when another tab logs in or out, which changes whom this tab acts for. */
export function onSessionChangedElsewhere(listener: () => void): void {
  window.addEventListener('storage', (event) => {
    // key null: the other tab cleared the whole storage
    if (event.key === null || event.key === TOKEN_KEY) listener();
  });
}
