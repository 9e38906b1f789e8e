import { type FormEvent, useState } from 'react';
import { API_BASE, PRODUCT_NAME } from '../config';
import { LoginField, Logo } from './login-page';

/*
 * Where an invitation email links to (`/#/accept-invitation?token=…`). Plain React like the login
 * page, in the same small bundle: the invited person is logged out, and the app chunk is for later.
 */

interface Accepted {
  email: string;
  name: string;
}

type InvitationState = 'ACCEPTED' | 'EXPIRED' | 'REVOKED';

class AcceptError extends Error {
  constructor(
    message: string,
    /** Already used: the person most likely has a password and should simply sign in. */
    readonly alreadyUsed = false,
  ) {
    super(message);
  }
}

const NOT_FOUND =
  'This invitation link is not valid. Open the whole link from the email, or ask GA support or Employer Broker Services for a new invitation.';

/** `POST /api/invitations/accept`; failures become an AcceptError worded for the invited person. */
async function acceptInvitation(token: string, password: string): Promise<Accepted> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/invitations/accept`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ token, password }),
    });
  } catch {
    throw new AcceptError('The server cannot be reached. Check your connection and try again.');
  }
  const body = (await response.json().catch(() => null)) as {
    message?: string;
    errors?: Record<string, string>;
    details?: { invitation?: InvitationState };
  } | null;
  if (response.ok) return body as Accepted;
  if (response.status === 404) throw new AcceptError(NOT_FOUND);
  // A malformed token is the same as an unknown one to the person holding it.
  if (body?.errors?.token) throw new AcceptError(NOT_FOUND);
  const message = body?.errors?.password ?? body?.message ?? 'Your password could not be set. Try again.';
  throw new AcceptError(message, body?.details?.invitation === 'ACCEPTED');
}

export const invitationToken = (hash: string): string => new URLSearchParams(hash.split('?')[1] ?? '').get('token') ?? '';

interface AcceptInvitationPageProps {
  token: string;
  /** Sends the person on to the login page, with the email they sign in with when known. */
  onDone: (email?: string) => void;
}

export function AcceptInvitationPage({ token, onDone }: AcceptInvitationPageProps) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AcceptError | null>(token ? null : new AcceptError(NOT_FOUND));
  const [accepted, setAccepted] = useState<Accepted | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    if (password.length < 8) return setError(new AcceptError('Choose a password of at least 8 characters.'));
    if (password !== confirmation) return setError(new AcceptError('The two passwords differ. Type the same password twice.'));
    setPending(true);
    try {
      setAccepted(await acceptInvitation(token, password));
    } catch (caught) {
      setError(caught instanceof AcceptError ? caught : new AcceptError('Your password could not be set. Try again.'));
    } finally {
      setPending(false);
    }
  }

  if (accepted) {
    return (
      <main className="sbo-login">
        <div className="sbo-login__card" role="status">
          <header className="sbo-login__header">
            <Logo />
            <h1>Your password is set</h1>
            <p>
              Welcome, {accepted.name}. Sign in with <strong>{accepted.email}</strong> and your new password.
            </p>
          </header>
          <button type="button" className="sbo-login__submit" onClick={() => onDone(accepted.email)} autoFocus>
            Go to sign in
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="sbo-login">
      <form className="sbo-login__card" onSubmit={handleSubmit} aria-busy={pending} noValidate>
        <header className="sbo-login__header">
          <Logo />
          <h1>Set your password</h1>
          <p>You were invited to the {PRODUCT_NAME}. Choose a password to start.</p>
        </header>

        {error && (
          <div className="sbo-login__error" role="alert">
            {error.message}
            {error.alreadyUsed && (
              <>
                {' '}
                <button type="button" className="sbo-login__link" onClick={() => onDone()}>
                  Go to sign in
                </button>
              </>
            )}
          </div>
        )}

        <LoginField
          label="New password"
          type="password"
          name="password"
          autoComplete="new-password"
          minLength={8}
          autoFocus
          aria-describedby="password-hint"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        >
          <small id="password-hint" className="sbo-login__hint">
            At least 8 characters.
          </small>
        </LoginField>

        <LoginField
          label="Confirm the password"
          type="password"
          name="confirmation"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.target.value)}
        />

        <button type="submit" className="sbo-login__submit" disabled={pending || !token}>
          {pending ? 'Setting your password…' : 'Set password'}
        </button>
        <button type="button" className="sbo-login__link" onClick={() => onDone()}>
          I already have a password: sign in
        </button>
      </form>
    </main>
  );
}
