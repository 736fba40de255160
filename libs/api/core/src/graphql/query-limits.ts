import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  getNullableType,
  type GraphQLError,
  type GraphQLSchema,
  isListType,
  NoSchemaIntrospectionCustomRule,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/**
 * What one GraphQL document may ask, the same over HTTP and graphql-ws. The dashboard's own
 * operations stay well inside these (a test runs every one of them through the limits): the
 * deepest goes 6 levels, none uses aliases or directives, and the costliest (who does what, a
 * party's page, a page of 100 actions) costs under an eighth of the limit.
 */
export const QUERY_LIMITS = {
  /** Levels of nested fields; fragments add none of their own. */
  depth: 8,
  /** Aliased fields in one document. */
  aliases: 10,
  /** Directives (`@include`, `@skip`) in one document. */
  directives: 10,
  /** Lexical tokens in one document, checked while parsing, before anything else is done with it. */
  tokens: 2_000,
  /**
   * See `costOf`. Room for a page of 100 actions with their municipalities, parties and milestones
   * (about 19,000 with every list counted at the default size), not for lists nested in lists in
   * lists: parties → actions → involvements → party → actions is over 300,000.
   */
  cost: 25_000,
  /** The size `costOf` assumes for a list without a `first` argument. */
  defaultListSize: 20,
  /** graphql-ws: operations (subscriptions, mostly) running at once on one connection. */
  operationsPerConnection: 50,
} as const;

export type QueryLimit = 'DEPTH' | 'ALIASES' | 'DIRECTIVES' | 'TOKENS' | 'COST';

export function queryTooComplex(limit: QueryLimit, max: number, message: string): ApiError {
  return new ApiError(ApiErrorCode.QUERY_TOO_COMPLEX, message, { reason: limit, limit: max });
}

/** GraphQL Armor reports its refusal in its own words; Tiltak adds its typed code and the limit. */
function refusedAs(limit: QueryLimit, max: number) {
  return {
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(queryTooComplex(limit, max, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

export type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

/**
 * GraphQL Armor's depth, alias and directive rules as plain validation rules, usable on either
 * transport. Its token, cost and suggestion protections are Apollo plugins that graphql-ws would
 * not run: tokens are bounded by GraphQL's own parser, cost by `costOf` and suggestions by the
 * error formatter instead.
 */
export function armorRules(config: ArmorConfig): ValidationRule[] {
  return new ApolloArmor({
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    ...config,
  }).protect().validationRules;
}

/**
 * The validation rules every document passes on both transports, besides GraphQL's own: the
 * limits, and in production no introspection. Tokens are bounded by the parser (`maxTokens`),
 * cost by `costOf` once the variables are known.
 */
export function documentRules(environment: 'development' | 'production' | 'test'): ValidationRule[] {
  return [
    ...armorRules({
      maxDepth: { ...refusedAs('DEPTH', QUERY_LIMITS.depth), flattenFragments: true },
      maxAliases: refusedAs('ALIASES', QUERY_LIMITS.aliases),
      maxDirectives: refusedAs('DIRECTIVES', QUERY_LIMITS.directives),
    }),
    ...(environment === 'production' ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.tokens } as const;

/** The parser's own refusal of a document over `maxTokens`, as the typed limit error. */
export function tokenLimitBreach(message: string): ApiError | null {
  return /Document contains more th(?:an|at) \d+ tokens/.test(message)
    ? queryTooComplex('TOKENS', QUERY_LIMITS.tokens, `The query has more than ${QUERY_LIMITS.tokens} tokens.`)
    : null;
}

const SIZE_ARGUMENTS = ['first', 'last', 'limit'];

/**
 * A field costs 1 plus what it selects, times the number of items it returns: the value of its
 * `first` (or `last`, `limit`) argument, or `defaultListSize` for a list without one. The edges
 * of a connection are already counted by the connection's `first`. Introspection costs nothing
 * here: it is refused in production, and bounded by depth elsewhere.
 */
const listCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const sizeArgument = SIZE_ARGUMENTS.find((name) => field.args.some((argument) => argument.name === name));
  let size = 1;
  if (sizeArgument) {
    const requested = args[sizeArgument] as unknown;
    size = typeof requested === 'number' ? Math.max(0, requested) : QUERY_LIMITS.defaultListSize;
  } else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection')) {
    size = QUERY_LIMITS.defaultListSize;
  }
  return size * (1 + childComplexity);
};

/** The estimated cost of an operation with its variables (see `listCostEstimator`). */
export function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): number {
  return getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [listCostEstimator],
  });
}

/**
 * The cost check, run once the variables are known (validation rules are not: Apollo validates
 * a document once for all variables). Variables that do not fit the document are left to
 * execution, which refuses them before any resolver runs.
 */
export function costBreach(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): ApiError | null {
  let cost: number;
  try {
    cost = costOf(schema, document, operationName, variables);
  } catch {
    return null;
  }
  return cost > QUERY_LIMITS.cost
    ? queryTooComplex(
        'COST',
        QUERY_LIMITS.cost,
        `The query would cost ${cost}, over the limit of ${QUERY_LIMITS.cost}.`,
      )
    : null;
}
