import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isIsoDate } from './business-calendar';

/** A real calendar date written YYYY-MM-DD (2027-02-30 is refused). */
export const IsIsoDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isIsoDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'date'} must be a real date written YYYY-MM-DD`,
      },
    },
    options,
  );
