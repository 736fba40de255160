import { armorRules, costOf, documentRules, PARSE_OPTIONS, QUERY_LIMITS } from '@tiltak/api-core';
import {
  buildSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  specifiedRules,
  typeFromAST,
  validate,
  visit,
} from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../../../', import.meta.url);
const schema = buildSchema(readFileSync(new URL('apps/api/schema.graphql', root), 'utf8'));
const operationsDir = new URL('libs/dashboard/data-access/src/operations/', root);
const everything = parse(
  readdirSync(operationsDir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(new URL(name, operationsDir), 'utf8'))
    .join('\n'),
);
const fragments = new Map(
  everything.definitions
    .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
    .map((fragment) => [fragment.name.value, fragment]),
);
const operations = everything.definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

/** The operation with the fragments it uses, as Apollo Client sends it. */
function documentOf(operation: OperationDefinitionNode): DocumentNode {
  const used = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...[...used].map((name) => fragments.get(name)!)] };
}

/** A value of the variable's type; `first` is the largest page the API gives (100). */
function sample(name: string, type: GraphQLInputType): unknown {
  if (name === 'first') return 100;
  if (isNonNullType(type)) return sample(name, type.ofType);
  if (isListType(type)) return [sample(name, type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sample(field.name, field.type)]),
    );
  }
  return { Int: 1, Float: 1, Boolean: true }[type.name] ?? '1';
}

function measure(document: DocumentNode, operation: OperationDefinitionNode) {
  const measured = { depth: 0, aliases: 0, directives: 0 };
  const record = (key: keyof typeof measured) => [(_: unknown, details: { n: number }) => (measured[key] = details.n)];
  const errors = validate(schema, document, [
    ...specifiedRules,
    ...documentRules('production'),
    // The same rules again, without limits, reporting what they count.
    ...armorRules({
      maxDepth: { n: Infinity, flattenFragments: true, onAccept: record('depth') },
      maxAliases: { n: Infinity, onAccept: record('aliases') },
      maxDirectives: { n: Infinity, onAccept: record('directives') },
    }),
  ]);
  const variables = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((definition) => [
      definition.variable.name.value,
      sample(definition.variable.name.value, typeFromAST(schema, definition.type as never) as GraphQLInputType),
    ]),
  );
  const cost = costOf(schema, document, operation.name?.value, variables);
  return { errors, cost, ...measured };
}

describe('the dashboard’s own operations', () => {
  it('are all found', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.map((operation) => operation.name?.value)).toEqual(
      expect.arrayContaining(['ProgrammeChanged', 'Actions', 'Action', 'PartyPage', 'ProgressOverview', 'SignIn']),
    );
  });

  it.each(operations.map((operation) => [operation.name!.value, operation] as const))(
    '%s passes every limit with room to spare',
    (_, operation) => {
      const document = documentOf(operation);
      const { errors, cost, depth, aliases, directives } = measure(document, operation);

      expect(errors).toEqual([]);
      expect(() => parse(print(document), { maxTokens: PARSE_OPTIONS.maxTokens / 2 })).not.toThrow();
      expect(cost).toBeLessThanOrEqual(QUERY_LIMITS.cost / 2);
      expect(depth).toBeLessThanOrEqual(QUERY_LIMITS.depth - 2);
      expect(aliases).toBeLessThanOrEqual(QUERY_LIMITS.aliases / 2);
      expect(directives).toBeLessThanOrEqual(QUERY_LIMITS.directives / 2);
    },
  );
});
