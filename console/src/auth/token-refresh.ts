import { HttpError } from 'react-admin';
import { apiFetch } from '../data/data-provider';
import { updateAbility } from './ability';
import { type IssuedToken, readSession, storeSession } from './session';

/** Access tokens live 15 minutes: renew two minutes ahead, which leaves room for a slow network. */
const REFRESH_AHEAD_MS = 2 * 60_000;
/** After a failure other than 401 (offline, server restarting), try again this soon. */
const RETRY_MS = 30_000;

/**
 * Keeps the session alive while the console is open: `POST /api/auth/refresh` shortly before the
 * token expires, storing the new token (every open tab reads it from storage on its next call).
 * A 401 means the session is over (expired while the laptop slept, revoked, account deactivated):
 * `onSessionEnded` logs out. Returns the function that stops the loop.
 */
export function startTokenRefresh(onSessionEnded: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(refreshIfDue, delay);
  };

  async function refreshIfDue() {
    const session = readSession();
    if (!session) return;
    // Another tab may have refreshed already: the stored expiry is the one that counts.
    const dueIn = (session.expiresAt ?? 0) - REFRESH_AHEAD_MS - Date.now();
    if (dueIn > 0) return schedule(dueIn);
    try {
      const issued = await apiFetch<IssuedToken>('/auth/refresh', { method: 'POST' });
      storeSession(issued);
      updateAbility(issued.user);
      schedule(issued.expiresIn * 1000 - REFRESH_AHEAD_MS);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) onSessionEnded();
      else schedule(RETRY_MS);
    }
  }

  // Timers stall in a background tab or a sleeping laptop: check again when the tab comes back.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshIfDue();
  };
  document.addEventListener('visibilitychange', onVisible);
  void refreshIfDue();

  return () => {
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
