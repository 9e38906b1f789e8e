import BusinessIcon from '@mui/icons-material/Business';

export { FirmList as list } from './firm-list';
export { FirmShow as show } from './firm-show';
export const icon = BusinessIcon;
export const recordRepresentation = 'name';
