import { Create, email, maxLength, minLength, PasswordInput, required, SimpleForm, TextInput } from 'react-admin';
import { StaffInputs } from './staff-inputs';

/** A new staff account, with the initial password an administrator hands over. */
export const StaffCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ roles: [], regions: [] }} sx={{ maxWidth: 600 }}>
      <TextInput source="email" type="email" validate={[required(), email(), maxLength(254)]} autoFocus />
      <StaffInputs />
      <PasswordInput
        source="password"
        label="Initial password"
        autoComplete="new-password"
        validate={[required(), minLength(8, 'At least 8 characters')]}
      />
    </SimpleForm>
  </Create>
);
