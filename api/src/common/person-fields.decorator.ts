import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsNonEmptyText } from './validation';

/** A person's login email: trimmed and lower-cased, since accounts are matched on it. */
export const IsAccountEmail = () =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsEmail({}, { message: 'email must be an email address' }),
    MaxLength(254),
  );

/** A phone number as people write it: digits, spaces, dots, dashes, parentheses, a leading +. */
export const IsPhone = () => Matches(/^[0-9+() .-]{7,25}$/, { message: 'phone must be a phone number' });

/** A person's name as they give it (or a mailbox's label). */
export const IsPersonName = () => IsNonEmptyText(120);

/** An edit's phone: left out it stays, null clears it. */
export const ClearablePhone = (example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ nullable: true, ...(example ? { example } : {}) }),
    IsOptional(),
    ValidateIf((_, value) => value !== null),
    IsPhone(),
  );
