import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, Matches, MaxLength } from 'class-validator';

/** A person's login email: trimmed and lower-cased, since accounts are matched on it. */
export const IsAccountEmail = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );

/** A phone number as people write it: digits, spaces, dots, dashes, parentheses, a leading +. */
export const IsPhone = () => Matches(/^[0-9+() .-]{7,25}$/, { message: 'phone must be a phone number' });
