import { Edit, email, FunctionField, Labeled, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { type ContactRecord, TEAM_LABELS } from './contact-types';

const emptyToNull = (value: string) => (value === '' ? null : value);

/** Pessimistic, so the API's field errors and a 409 (someone else edited it) show on the form. */
export const ContactEdit = () => (
  <Edit<ContactRecord> mutationMode="pessimistic" redirect="list">
    <SimpleForm sx={{ maxWidth: 600 }}>
      <Labeled label="Team">
        <FunctionField<ContactRecord> source="team" render={(c) => TEAM_LABELS[c.team]} />
      </Labeled>
      <Labeled label="Region">
        <FunctionField<ContactRecord> source="region" render={(c) => c.region ?? 'All regions'} />
      </Labeled>
      <TextInput source="label" validate={[required(), maxLength(120)]} autoFocus />
      <TextInput source="email" label="Mailbox" type="email" validate={[required(), email(), maxLength(254)]} />
      <TextInput source="phone" type="tel" parse={emptyToNull} />
    </SimpleForm>
  </Edit>
);
