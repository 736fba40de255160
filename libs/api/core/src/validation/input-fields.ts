import { applyDecorators } from '@nestjs/common';
import { Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/**
 * The input fields every feature repeats, each declared once for GraphQL and for validation, so
 * an id, a version, a date or a text field means the same everywhere.
 */
interface FieldOptions {
  nullable?: boolean;
  description?: string;
}

const optional = (nullable: boolean | undefined) => (nullable ? [IsOptional()] : []);

export function IdField({ nullable, description }: FieldOptions = {}) {
  return applyDecorators(
    Field(() => ID, { nullable, description }),
    ...optional(nullable),
    IsUUID(),
  );
}

/** The version of the record the edit was based on: a stale one answers CONFLICT. */
export function ExpectedVersionField() {
  return applyDecorators(
    Field(() => Int),
    IsInt(),
  );
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function DateField({ nullable, description }: FieldOptions = {}) {
  return applyDecorators(
    Field(() => String, { nullable, description }),
    ...optional(nullable),
    Matches(ISO_DATE, { message: 'must be a date written YYYY-MM-DD' }),
  );
}

export function TextField({ nullable, description, min, max }: FieldOptions & { min?: number; max: number }) {
  return applyDecorators(
    Field(() => String, { nullable, description }),
    ...optional(nullable),
    IsString(),
    ...(min === undefined ? [] : [MinLength(min)]),
    MaxLength(max),
  );
}
