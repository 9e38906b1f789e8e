import type { ApiErrorBody, SessionUser } from '@sbo/shared';
import { API_BASE } from '../config';

/*
 * The stored session and the login call. This module is part of the login page's bundle, so it
 * must not import react-admin, MUI or CASL (type imports are fine: they vanish at build time).
 */

const TOKEN_KEY = 'sbo.accessToken';
const USER_KEY = 'sbo.user';
const EXPIRES_AT_KEY = 'sbo.expiresAt';

export interface Session {
  accessToken: string;
  user: SessionUser;
  /** When the access token expires (epoch milliseconds); unknown for a session stored by an older console. */
  expiresAt?: number;
}

/** What login and refresh answer: the token and its lifetime in seconds. */
export interface IssuedToken {
  accessToken: string;
  expiresIn: number;
  user: SessionUser;
}

/** Whom this tab acts for: a token refreshed by another tab for the same person changes nothing here. */
let actingUserId: string | null = null;

export function readSession(): Session | null {
  const accessToken = localStorage.getItem(TOKEN_KEY);
  const user = localStorage.getItem(USER_KEY);
  if (!accessToken || !user) return null;
  const expiresAt = Number(localStorage.getItem(EXPIRES_AT_KEY)) || undefined;
  try {
    return { accessToken, user: JSON.parse(user) as SessionUser, expiresAt };
  } catch {
    return null; // a corrupt entry means "not logged in", never a crash
  }
}

/** Stores a freshly issued token (login or refresh) with its expiry. */
export function storeSession({ accessToken, expiresIn, user }: IssuedToken): void {
  actingUserId = user.id;
  localStorage.setItem(EXPIRES_AT_KEY, String(Date.now() + expiresIn * 1000));
  localStorage.setItem(TOKEN_KEY, accessToken);
  storeUser(user);
}

export function storeUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
  localStorage.removeItem(EXPIRES_AT_KEY);
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
  const issued = body as IssuedToken;
  storeSession(issued);
  return readSession()!;
}

/** Calls back when another tab logs in or out, which changes whom this tab acts for. */
export function onSessionChangedElsewhere(listener: () => void): void {
  actingUserId = readSession()?.user.id ?? null;
  window.addEventListener('storage', (event) => {
    // key null: the other tab cleared the whole storage
    if (event.key !== null && event.key !== TOKEN_KEY) return;
    // The other tab refreshed the token of the same person (it writes the token before the user,
    // both before this event runs): this tab simply uses the new token from now on.
    const refreshed = event.oldValue !== null && event.newValue !== null && readSession()?.user.id === actingUserId;
    if (!refreshed) listener();
  });
}
