import type { FakeEnvironment, FakeRepo } from './model.js';

/**
 * GraphQL `Repository.environments(first:)` as GitHub answers it: ordered by name (the default
 * `orderBy: {field: NAME, direction: ASC}`, case-insensitive), each environment's `protectionRules(first:)` in the
 * order REST lists them (WAIT_TIMER with `timeout` in minutes, REQUIRED_REVIEWERS with its
 * `reviewers` connection of users and teams, BRANCH_POLICY when a deployment branch policy is
 * set: GraphQL says nothing more about that policy), `timeout` 0 on the other rules. The answer
 * holds exactly the fields the query selects; a field the schema lacks fails the test.
 */
const FIELD = /\benvironments\(([^)]*)\)/;

/** A GraphQL selection set: field name -> its own selection (undefined for a leaf). */
type Selection = Map<string, Selection | undefined>;

function parseSelection(tokens: string[], at: { i: number }): Selection {
  const out: Selection = new Map();
  while (at.i < tokens.length) {
    const token = tokens[at.i++]!;
    if (token === '}') return out;
    if (tokens[at.i] === '{') {
      at.i++;
      out.set(token, parseSelection(tokens, at));
    } else out.set(token, undefined);
  }
  return out;
}

/** The selection following `from` (arguments dropped): from its `{` to the matching `}`. */
function selectionAt(query: string, from: number): Selection {
  const tokens = query.slice(query.indexOf('{', from) + 1).replace(/\([^)]*\)/g, ' ').match(/[A-Za-z_]\w*|[{}]/g) ?? [];
  return parseSelection(tokens, { i: 0 });
}

function pick(value: unknown, selection: Selection, type: string): unknown {
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v) => pick(v, selection, type));
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, sub] of selection) {
    if (!(field in obj)) throw new Error(`GraphQL: Field '${field}' doesn't exist on type '${type}'`);
    out[field] = sub ? pick(obj[field], sub, field) : obj[field];
  }
  return out;
}

function first(args: string | undefined): number {
  return Number(/\bfirst:\s*(\d+)/.exec(args ?? '')?.[1] ?? 100);
}

function page<T>(items: T[], size: number) {
  return { totalCount: items.length, pageInfo: { hasNextPage: items.length > size }, nodes: items.slice(0, size) };
}

function rules(env: FakeEnvironment, query: string) {
  const reviewers = Array.from({ length: env.reviewers }, (_, k) => ({ __typename: 'User', login: `rev${k}` }));
  const all = [
    ...(env.waitTimer ? [{ databaseId: 1, type: 'WAIT_TIMER', timeout: env.waitTimer, preventSelfReview: null, reviewers: page([], 0) }] : []),
    ...(env.reviewers ? [{ databaseId: 2, type: 'REQUIRED_REVIEWERS', timeout: 0, preventSelfReview: false, reviewers: page(reviewers, first(/\breviewers\(([^)]*)\)/.exec(query)?.[1])) }] : []),
    ...(env.branchPolicy ? [{ databaseId: 3, type: 'BRANCH_POLICY', timeout: 0, preventSelfReview: null, reviewers: page([], 0) }] : []),
  ];
  return page(all, first(/\bprotectionRules\(([^)]*)\)/.exec(query)?.[1]));
}

/** `{ environments }` as the query selects it, or nothing when it does not ask. */
export function environmentsField(repo: FakeRepo, query: string): { environments?: unknown } {
  const at = FIELD.exec(query);
  if (!at) return {};
  // By name as a case-insensitive collation orders it: not the order REST lists them in.
  const sorted = [...repo.environments].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en'));
  const full = page(
    sorted.map((env) => ({ name: env.name, protectionRules: rules(env, query) })),
    first(at[1]),
  );
  return { environments: pick(full, selectionAt(query, at.index), 'EnvironmentConnection') };
}

/** Connections the imitation answers; GitHub refuses one without `first`/`last` or above 100. */
const CONNECTIONS = ['rulesets', 'bypassActors', 'rules', 'environments', 'protectionRules', 'reviewers', 'branchProtectionRules', 'bypassPullRequestAllowances', 'collaborators', 'deployKeys'];

/** GitHub's top-level error for a connection asked without bounds, or with too many. */
export function paginationError(query: string): { type: string; message: string } | undefined {
  for (const name of CONNECTIONS) {
    for (const m of query.matchAll(new RegExp(`\\b${name}(\\(([^)]*)\\))?\\s*\\{`, 'g'))) {
      const bound = /\b(first|last):\s*(\d+)/.exec(m[2] ?? '');
      if (!bound) return { type: 'MISSING_PAGINATION_BOUNDARIES', message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.` };
      if (Number(bound[2]) > 100) return { type: 'EXCESSIVE_PAGINATION', message: `Requesting ${bound[2]} records on the \`${name}\` connection exceeds the \`${bound[1]}\` limit of 100 records.` };
    }
  }
  return undefined;
}
