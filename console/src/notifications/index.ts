import OutboxIcon from '@mui/icons-material/Outbox';

export { NotificationList as list } from './notification-list';
export const icon = OutboxIcon;
export const options = { label: 'Outbox' };
