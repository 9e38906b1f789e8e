import NotesIcon from '@mui/icons-material/Notes';

export { TemplateCreate as create, TemplateEdit as edit, TemplateList as list } from './template-screens';
export const icon = NotesIcon;
export const options = { label: 'Instruction templates' };
export const recordRepresentation = 'title';
