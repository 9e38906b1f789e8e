import ListAltIcon from '@mui/icons-material/ListAlt';
import { LinearProgress } from '@mui/material';
import { type ComponentType, lazy, Suspense } from 'react';

/*
 * The partner portal, registered as the `partner/submissions` resource and the partner's home. Only
 * this file is in the staff bundle: the screens are one chunk of their own (./screens), which the
 * browser fetches the first time a partner opens one, so staff never download them.
 */
const screens = () => import('./screens');
const lazyScreen = (pick: (module: Awaited<ReturnType<typeof screens>>) => ComponentType) =>
  lazy(() => screens().then((module) => ({ default: pick(module) })));

const Dashboard = lazyScreen((m) => m.PartnerDashboard);
const Transactions = lazyScreen((m) => () => <m.TransactionsList />);
const Create = lazyScreen((m) => m.NewTransaction);
const Wizard = lazyScreen((m) => m.TransactionWizard);
const Show = lazyScreen((m) => m.TransactionShow);

const loading = <LinearProgress sx={{ mt: 2 }} aria-label="Loading" />;
const inSuspense = (Screen: ComponentType) => (
  <Suspense fallback={loading}>
    <Screen />
  </Suspense>
);

/** The broker dashboard, for the console's home page. */
export const PartnerHome = () => inSuspense(Dashboard);

export const list = inSuspense(Transactions);
export const create = inSuspense(Create);
/** `:id/*`: the wizard's steps live under it (`:id/step/census`). */
export const edit = inSuspense(Wizard);
export const show = inSuspense(Show);
export const icon = ListAltIcon;
export const options = { label: 'Transactions' };
export const recordRepresentation = (record: { group?: { name?: string | null }; id: string }) => record.group?.name ?? record.id;
