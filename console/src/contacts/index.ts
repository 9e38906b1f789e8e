import ContactMailIcon from '@mui/icons-material/ContactMail';

export { ContactEdit as edit } from './contact-edit';
export { ContactList as list } from './contact-list';
export const icon = ContactMailIcon;
export const recordRepresentation = 'label';
