import { BooleanInput, Edit, Labeled, SimpleForm, TextField } from 'react-admin';
import { StaffInputs } from './staff-inputs';

/**
 * Pessimistic: the form waits for the API, so its per-field errors (400) and a concurrent edit
 * (409 VERSION_CONFLICT) show here instead of after the user has moved on.
 */
export const StaffEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={{ maxWidth: 600 }}>
      <Labeled label="Email">
        <TextField source="email" />
      </Labeled>
      <StaffInputs />
      <BooleanInput source="active" helperText="An inactive account can no longer log in; its sessions end at once." />
    </SimpleForm>
  </Edit>
);
