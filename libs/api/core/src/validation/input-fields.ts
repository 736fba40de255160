import { applyDecorators } from '@nestjs/common';
import { Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';

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

/** A control character other than tab and line breaks (a NUL byte among them, which PostgreSQL refuses in text). */
function isControlCharacter(character: string): boolean {
  const code = character.charCodeAt(0);
  return (code < 0x20 && character !== '\t' && character !== '\n' && character !== '\r') || code === 0x7f;
}

/** Refuses control characters: they break the database's text or hide what a text says. */
const NoControlCharacters = () =>
  ValidateBy({
    name: 'noControlCharacters',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || ![...value].some(isControlCharacter),
      defaultMessage: () => '$property must not contain control characters',
    },
  });

export function TextField({ nullable, description, min, max }: FieldOptions & { min?: number; max: number }) {
  return applyDecorators(
    Field(() => String, { nullable, description }),
    ...optional(nullable),
    IsString(),
    ...(min === undefined ? [] : [MinLength(min)]),
    MaxLength(max),
    NoControlCharacters(),
  );
}
