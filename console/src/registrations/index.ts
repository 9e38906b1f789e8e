import HowToRegIcon from '@mui/icons-material/HowToReg';

export { RegistrationList as list } from './registration-list';
export { RegistrationShow as show } from './registration-show';
export const icon = HowToRegIcon;
export const recordRepresentation = 'name';
