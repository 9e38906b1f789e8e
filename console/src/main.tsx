import { Component, lazy, type ReactNode, StrictMode, Suspense, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { onSessionChangedElsewhere, readSession } from './auth/session';
import { AcceptInvitationPage, invitationToken } from './login/accept-invitation-page';
import { LoginPage, StatusScreen } from './login/login-page';

/*
 * The entry chunk holds only React, the login page and the session helpers. The react-admin app
 * (react-admin, MUI, CASL: several times the size) is a separate chunk that the browser fetches
 * only once there is a session: at startup when a token is stored, right after login otherwise.
 */
const App = lazy(() => import('./app').then(({ App }) => ({ default: App })));

/** A failed chunk download (offline, or a deploy replaced the files) gets a way out, not a blank page. */
class AppLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <StatusScreen message="The back office could not be loaded.">
        <button type="button" onClick={() => window.location.reload()}>
          Reload
        </button>
      </StatusScreen>
    );
  }
}

/** Invitation emails link to `/#/accept-invitation?token=…`: public, and outside the react-admin app. */
const ACCEPT_INVITATION = '#/accept-invitation';
const isAcceptInvitation = () => window.location.hash.startsWith(ACCEPT_INVITATION);

function Entry() {
  const [loggedIn, setLoggedIn] = useState(() => readSession() !== null);
  const [accepting, setAccepting] = useState(isAcceptInvitation);
  const [loginEmail, setLoginEmail] = useState<string>();

  useEffect(() => {
    const onHashChange = () => setAccepting(isAcceptInvitation());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (accepting) {
    return (
      <AcceptInvitationPage
        token={invitationToken(window.location.hash)}
        onDone={(email) => {
          // The token is spent (or useless): it leaves the address bar and the history entry.
          window.history.replaceState(null, '', window.location.pathname);
          setLoginEmail(email);
          setAccepting(false);
        }}
      />
    );
  }
  if (!loggedIn) return <LoginPage initialEmail={loginEmail} onLogin={() => setLoggedIn(true)} />;
  return (
    <AppLoadBoundary>
      <Suspense fallback={<StatusScreen message="Loading the back office…" busy />}>
        <App />
      </Suspense>
    </AppLoadBoundary>
  );
}

// A login or logout in another tab changes whom this tab acts for: start over from the stored session.
onSessionChangedElsewhere(() => window.location.reload());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Entry />
  </StrictMode>,
);
