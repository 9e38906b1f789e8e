import { Component, lazy, type ReactNode, StrictMode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { onSessionChangedElsewhere, readSession } from './auth/session';
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

function Entry() {
  const [loggedIn, setLoggedIn] = useState(() => readSession() !== null);
  if (!loggedIn) return <LoginPage onLogin={() => setLoggedIn(true)} />;
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
