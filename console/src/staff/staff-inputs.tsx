import { isReviewerRole } from '@sbo/shared';
import { CheckboxGroupInput, FormDataConsumer, maxLength, required, TextInput } from 'react-admin';
import { REGION_CHOICES, STAFF_ROLE_CHOICES } from '../common/choices';

/** An empty phone is no phone: the API takes null, never an empty string. */
const emptyToNull = (value: string) => (value === '' ? null : value);

const needsRegion = (roles: string[] | undefined) => roles?.some(isReviewerRole) ?? false;

/** Fields shared by the create and edit forms. */
export const StaffInputs = () => (
  <>
    <TextInput source="name" validate={[required(), maxLength(120)]} />
    <TextInput source="phone" type="tel" parse={emptyToNull} helperText="Shown to partners in instructions and emails" />
    <CheckboxGroupInput source="roles" choices={STAFF_ROLE_CHOICES} validate={required('Give at least one role')} />
    <FormDataConsumer>
      {({ formData }) => (
        <CheckboxGroupInput
          source="regions"
          choices={REGION_CHOICES}
          helperText={
            needsRegion(formData.roles)
              ? 'A representative or lead works the submissions of these regions only.'
              : 'Only representatives and leads work by region.'
          }
          validate={needsRegion(formData.roles) ? required('A representative or lead needs at least one region') : undefined}
        />
      )}
    </FormDataConsumer>
  </>
);
