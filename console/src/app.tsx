import type { SessionUser } from '@sbo/shared';
import { useEffect } from 'react';
import { Admin, CustomRoutes, nanoDarkTheme, nanoLightTheme, reactRouterProvider, Resource } from 'react-admin';
import { AbilityProvider, ability } from './auth/ability';
import { authProvider, canAccessResource } from './auth/auth-provider';
import { startTokenRefresh } from './auth/token-refresh';
import { PRODUCT_NAME } from './config';
import { Dashboard } from './dashboard/dashboard';
import { dataProvider } from './data/data-provider';
import { AppLayout } from './layout';
import { RESOURCES } from './resources';
import { TurnaroundPage } from './turnaround/turnaround-page';

const { Route } = reactRouterProvider;

/**
 * Resources are registered per user: a role gets neither routes nor menu entries for what it may
 * not list. (Passing a function child also keeps react-admin from taking an admin with no resource
 * yet for an empty one, which would replace the dashboard with its welcome screen.)
 */
const resourcesFor = (user: SessionUser) => [
  ...Object.entries(RESOURCES)
    .filter(([name]) => canAccessResource(user, { action: 'list', resource: name }))
    .map(([name, screens]) => <Resource key={name} name={name} {...screens} />),
  // Leads' turnaround dashboard (the API answers 403 to anyone else; the menu shows it to leads only).
  ...(ability.can('read', 'Metrics')
    ? [
        <CustomRoutes key="lead-routes">
          <Route path="/turnaround" element={<TurnaroundPage />} />
        </CustomRoutes>,
      ]
    : []),
];

/**
 * The logged-in console. The entry (main.tsx) shows its own login page, so react-admin gets none:
 * requireAuth holds every screen until authProvider.checkAuth has confirmed the session, and any
 * logout reloads the page back to that login page.
 */
export function App() {
  // The session lives as long as the tab is open; a refresh refused with 401 logs out.
  useEffect(() => startTokenRefresh(() => void authProvider.logout?.({})), []);
  return (
    <AbilityProvider value={ability}>
      <Admin
        title={PRODUCT_NAME}
        authProvider={authProvider}
        dataProvider={dataProvider}
        dashboard={Dashboard}
        layout={AppLayout}
        loginPage={false}
        requireAuth
        disableTelemetry
        // Nano: dense and low-chrome, suited to working queues; the dark one follows the OS setting or the app bar toggle.
        theme={nanoLightTheme}
        darkTheme={nanoDarkTheme}
      >
        {resourcesFor}
      </Admin>
    </AbilityProvider>
  );
}
