import { applyDecorators } from '@nestjs/common';
import { Field } from '@nestjs/graphql';
import { isKroner, MAX_KRONER } from '@tiltak/domain';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { ApiError, ApiErrorCode } from '../errors/api-error';

function refuse(value: unknown): never {
  throw new ApiError(
    ApiErrorCode.BAD_USER_INPUT,
    `Kroner must be a whole number of kroner from 0 to ${MAX_KRONER}; ${JSON.stringify(value) ?? 'nothing'} is not`,
    { reason: 'INVALID_KRONER' },
  );
}

function checked(value: unknown): number {
  return isKroner(value) ? value : refuse(value);
}

/** A sum may pass one amount's limit; it is still exact while it is a safe integer. */
function serialized(value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  throw new Error(`${String(value)} is not an exact amount of kroner`);
}

/**
 * An amount of money in whole Norwegian kroner: a non-negative safe integer, sent as a JSON number.
 * An input is one amount, at most MAX_KRONER; anything else (a fraction, a negative amount, a string, one too large to be exact) is refused
 * as BAD_USER_INPUT, in variables and in the document alike, before a resolver runs.
 */
export const KronerScalar = new GraphQLScalarType<number, number>({
  name: 'Kroner',
  description: `Whole Norwegian kroner: an integer from 0 to ${MAX_KRONER}, never a fraction.`,
  serialize: serialized,
  parseValue: checked,
  parseLiteral: (node: ValueNode) => (node.kind === Kind.INT ? checked(Number(node.value)) : refuse(node.kind)),
});

/**
 * An input field in kroner: the scalar's own check, and the same rule for class-validator, whose
 * whitelist would otherwise drop a field that no rule names.
 */
export function KronerField({ nullable, description }: { nullable?: boolean; description?: string } = {}) {
  return applyDecorators(
    Field(() => KronerScalar, { nullable, description }),
    ...(nullable ? [IsOptional()] : []),
    IsInt(),
    Min(0),
    Max(MAX_KRONER),
  );
}
