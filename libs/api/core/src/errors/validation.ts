import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { badUserInput } from './api-error';

function firstProblem(errors: ValidationError[], path: string[] = []): { field: string; message: string } | null {
  for (const error of errors) {
    const at = [...path, error.property];
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field: at.join('.'), message };
    const nested = firstProblem(error.children ?? [], at);
    if (nested) return nested;
  }
  return null;
}

/**
 * Validates every GraphQL input with its class-validator rules before a resolver runs. A refusal is
 * BAD_USER_INPUT naming the field, and since it happens first, nothing is written.
 */
export function inputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    exceptionFactory: (errors) => {
      const problem = firstProblem(errors) ?? { field: 'input', message: 'is not valid' };
      return badUserInput(problem.field, `${problem.field}: ${problem.message}`);
    },
  });
}
