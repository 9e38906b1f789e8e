import { type FormEvent, type InputHTMLAttributes, type ReactNode, useState } from 'react';
import { login, LoginError } from '../auth/session';
import { PRODUCT_NAME } from '../config';
import './login-page.css';

/** The product mark, inline so the login page needs no extra request. */
export const Logo = () => (
  <svg className="sbo-logo" viewBox="0 0 32 32" aria-hidden="true">
    <rect width="32" height="32" rx="8" />
    <path d="M9 22V12l7-4 7 4v10h-5v-6h-4v6z" />
  </svg>
);

/** A required, labelled input of the login card; `children` go under it (a hint it is described by). */
export function LoginField({ label, children, ...input }: { label: string; children?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="sbo-login__field">
      <span>{label}</span>
      <input required {...input} />
      {children}
    </label>
  );
}

interface LoginPageProps {
  /** Called once the session is stored. */
  onLogin: () => void;
  /** Prefilled, e.g. right after accepting an invitation. */
  initialEmail?: string;
}

/**
 * Plain React and CSS on purpose: this screen is what a logged-out visitor downloads, so it stays
 * free of react-admin and MUI (see main.tsx).
 */
export function LoginPage({ onLogin, initialEmail = '' }: LoginPageProps) {
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await login(email.trim(), password);
      onLogin();
    } catch (caught) {
      setError(caught instanceof LoginError ? caught.message : 'Sign-in failed. Try again.');
      setPending(false);
    }
  }

  return (
    <main className="sbo-login">
      <form className="sbo-login__card" onSubmit={handleSubmit} aria-busy={pending}>
        <header className="sbo-login__header">
          <Logo />
          <h1>{PRODUCT_NAME}</h1>
          <p>Sign in to review submissions and manage partner access.</p>
        </header>

        {error && (
          <div className="sbo-login__error" role="alert">
            {error}
          </div>
        )}

        <LoginField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          autoFocus={!initialEmail}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />

        <LoginField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          autoFocus={Boolean(initialEmail)}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />

        <button type="submit" className="sbo-login__submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

interface StatusScreenProps {
  message: string;
  busy?: boolean;
  children?: ReactNode;
}

/** A full-page message in the login page's look: the app chunk loading, or failing to. */
export const StatusScreen = ({ message, busy = false, children }: StatusScreenProps) => (
  <main className="sbo-login" aria-busy={busy}>
    <div className="sbo-login__status" role={busy ? 'status' : 'alert'}>
      <Logo />
      <p>{message}</p>
      {children}
    </div>
  </main>
);
