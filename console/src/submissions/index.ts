import InboxIcon from '@mui/icons-material/Inbox';

export { SubmissionList as list } from './submission-list';
export { SubmissionShow as show } from './submission-show';
export const icon = InboxIcon;
export const options = { label: 'Review queue' };
export const recordRepresentation = (record: { group?: { name?: string | null }; id: string }) => record.group?.name ?? record.id;
