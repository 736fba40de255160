import { applyDecorators } from '@nestjs/common';
import { Field, ID, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
} from 'class-validator';

/**
 * The input fields every feature repeats, each declared once for GraphQL and for validation, so
 * an id, a version, a date or a text field means the same everywhere.
 */
interface FieldOptions {
  nullable?: boolean;
  description?: string;
}

const optional = (nullable: boolean | undefined) => (nullable ? [IsOptional()] : []);

/** The most ids or values a filter list takes: more than any programme has, few enough to stay cheap. */
export const MAX_LIST_ITEMS = 100;

/** The longest e-mail address SMTP carries (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;

export const MAX_URL_LENGTH = 500;

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

/** A list of ids, such as a filter's: never more than `max` (MAX_LIST_ITEMS unless told). */
export function IdListField({
  nullable,
  description,
  min,
  max = MAX_LIST_ITEMS,
}: FieldOptions & { min?: number; max?: number }) {
  return applyDecorators(
    Field(() => [ID], { nullable, description }),
    ...optional(nullable),
    IsUUID('all', { each: true }),
    ...(min === undefined ? [] : [ArrayMinSize(min)]),
    ArrayMaxSize(max),
  );
}

export function EmailField({ nullable, description }: FieldOptions = {}) {
  return applyDecorators(
    Field(() => String, { nullable, description }),
    ...optional(nullable),
    IsString(),
    MaxLength(MAX_EMAIL_LENGTH),
    NoControlCharacters(),
    IsEmail(),
  );
}

/** A web address people click: http or https only, so no `javascript:` reaches a link. */
export function UrlField({ nullable, description }: FieldOptions = {}) {
  return applyDecorators(
    Field(() => String, { nullable, description }),
    ...optional(nullable),
    IsString(),
    MaxLength(MAX_URL_LENGTH),
    NoControlCharacters(),
    IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }),
  );
}
