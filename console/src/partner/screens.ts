/* The partner portal's screens: one chunk, fetched only when a partner opens them (see index.tsx). */
export { PartnerDashboard } from './dashboard';
export { TransactionsList } from './transactions-list';
export { NewTransaction, TransactionShow, TransactionWizard } from './wizard';
