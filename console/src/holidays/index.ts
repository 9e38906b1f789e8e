import EventBusyIcon from '@mui/icons-material/EventBusy';

export { HolidayCreate as create } from './holiday-create';
export { HolidayList as list } from './holiday-list';
export const icon = EventBusyIcon;
export const recordRepresentation = 'name';
