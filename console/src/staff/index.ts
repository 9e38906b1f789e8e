import BadgeIcon from '@mui/icons-material/Badge';

export { StaffCreate as create } from './staff-create';
export { StaffEdit as edit } from './staff-edit';
export { StaffList as list } from './staff-list';
export const icon = BadgeIcon;
export const recordRepresentation = 'name';
export const options = { label: 'Staff' };
