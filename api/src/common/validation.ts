import { applyDecorators, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { AppError } from './app-error';

export interface FieldProblem {
  field: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationError(problems: FieldProblem[]): AppError {
  const errors = Object.fromEntries(problems.map((p) => [p.field, p.messages.join('; ')]));
  const summary = problems.map((p) => `${p.field}: ${p.messages[0]}`).join('; ');
  return new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', `Some fields are not valid. ${summary}`, problems, errors);
}

/** Every body and query is validated and unknown fields are refused, with per-field messages. */
export const appValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationError(flatten(errors)),
  });

/**
 * Text kept without the spaces around it: trimmed before it is validated, so a value of spaces
 * alone is refused here as blank rather than stored empty (or refused by a database check).
 */
export const IsTrimmedText = (min: number, max: number) =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    MinLength(min, {
      message: min === 1 ? '$property must not be blank' : `$property must be at least ${min} characters, not counting spaces around it`,
    }),
    MaxLength(max),
  );

/**
 * A string of 1 to `max` characters, kept as sent (see IsTrimmedText for text that is trimmed).
 * Registered in the order `@IsString() @MinLength(1) @MaxLength(max)` stacked on a field registers
 * them (bottom first), so a bad value's messages come in the order they always did.
 */
export const IsNonEmptyText = (max: number) => applyDecorators(MaxLength(max), MinLength(1), IsString());

/** Why, in the caller's words, for the audit trail and the email: 3 to 1000 characters (same order as above). */
export const IsReason = () =>
  applyDecorators(MaxLength(1000), MinLength(3, { message: '$property must say why (at least 3 characters)' }), IsString());

/** Deeper than any body or query the API takes; deeper input would only exhaust the stack. */
export const MAX_INPUT_DEPTH = 32;

/**
 * A UTF-16 surrogate not in a pair (JSON's "\ud800"): not text. validator's isEmail throws on it
 * and PostgreSQL would silently store U+FFFD instead. In a `u` regex only a lone one matches \p{Cs}.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Input no route can use, whatever its DTO: nesting deeper than MAX_INPUT_DEPTH (class-transformer
 * and JSON.stringify recurse, so it would end as a stack overflow), NUL characters, which
 * PostgreSQL cannot store in text or jsonb, and lone surrogates. Returns the problem, or undefined
 * when the input is fine. Iterative, so hostile input cannot exhaust the stack here either.
 */
export function hostileInputProblem(value: unknown): FieldProblem | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  while (stack.length) {
    const { value: node, path, depth } = stack.pop()!;
    const field = path || 'body';
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return { field, messages: [`${field} must not contain NUL characters`] };
      if (LONE_SURROGATE.test(node)) return { field, messages: [`${field} must be valid Unicode text (it has a lone surrogate)`] };
    } else if (node !== null && typeof node === 'object') {
      if (depth >= MAX_INPUT_DEPTH) return { field, messages: [`${field} is nested too deeply (more than ${MAX_INPUT_DEPTH} levels)`] };
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000') || LONE_SURROGATE.test(key)) {
          return { field, messages: [`${field} has a property name with a NUL character or a lone surrogate`] };
        }
        stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** May be left out, but not sent as null (a flag is true or false). */
export const OptionalNotNull = () => ValidateIf((_, value) => value !== undefined);
