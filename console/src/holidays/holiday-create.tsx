import { Create, DateInput, maxLength, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { REGION_CHOICES } from '../common/choices';

/** `POST /api/holidays {region, date, name}`; a date already off in that region answers 409. */
export const HolidayCreate = () => (
  <Create redirect="list" title="Add a holiday">
    <SimpleForm sx={{ maxWidth: 480 }}>
      <SelectInput source="region" choices={REGION_CHOICES} validate={required()} />
      <DateInput source="date" validate={required()} />
      <TextInput source="name" validate={[required(), maxLength(200)]} helperText="For example: Day after Thanksgiving" />
    </SimpleForm>
  </Create>
);
