import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError } from './app-error';

interface FieldProblem {
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
