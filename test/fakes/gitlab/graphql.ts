import type { Body, FakeGitlabState, FakeProject, FakeToken } from './state.js';

/**
 * A small GraphQL executor for the part of GitLab's schema secpol reads (`POST /api/graphql`).
 * It parses real query text (operations, variables, aliases, arguments, nested selections),
 * refuses unknown fields and arguments the way GitLab does (HTTP 200, `errors` only, code
 * `undefinedField`), paginates connections with opaque cursors, and applies GitLab's quiet
 * authorization: a field the caller may not read is `null`, branch rules it may not read are
 * dropped. `edition: 'ce'` removes the EE-only fields (push rules, code-owner approval, user
 * and group push entries); on the Free tier EE fields read `false`, as GitLab's do.
 */

type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | { variable: string };
interface Field {
  alias: string;
  name: string;
  args: Record<string, Value>;
  selections: Field[];
}
interface Operation {
  variables: Map<string, Value | undefined>;
  selections: Field[];
}

class SyntaxFault extends Error {}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /\s+|,|#[^\n]*|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|([_A-Za-z][_0-9A-Za-z]*)|(\.\.\.|[{}()[\]:$!=@])/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    m = re.exec(text);
    if (!m || re.lastIndex === at) throw new SyntaxFault(`Parse error on "${text.slice(at, at + 10)}"`);
    const token = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

function parse(text: string): Operation {
  const tokens = tokenize(text);
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const take = (expected?: string): string => {
    const t = tokens[i];
    if (t === undefined || (expected !== undefined && t !== expected)) throw new SyntaxFault(`Parse error: expected ${expected ?? 'a token'}, got ${t ?? 'end of query'}`);
    i += 1;
    return t;
  };
  const value = (): Value => {
    const t = take();
    if (t === '$') return { variable: take() };
    if (t.startsWith('"')) return JSON.parse(t) as string;
    if (/^-?\d/.test(t)) return Number(t);
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    if (t === '[') {
      const items: Value[] = [];
      while (peek() !== ']') items.push(value());
      take(']');
      return items;
    }
    if (t === '{') {
      const obj: Record<string, Value> = {};
      while (peek() !== '}') {
        const key = take();
        take(':');
        obj[key] = value();
      }
      take('}');
      return obj;
    }
    return t; // enum value
  };
  const skipType = (): void => {
    if (peek() === '[') {
      take('[');
      skipType();
      take(']');
    } else take();
    if (peek() === '!') take('!');
  };
  const selectionSet = (): Field[] => {
    take('{');
    const fields: Field[] = [];
    while (peek() !== '}') {
      if (peek() === '...') throw new SyntaxFault('fragments are not used by secpol');
      let name = take();
      const alias = name;
      if (peek() === ':') {
        take(':');
        name = take();
      }
      const args: Record<string, Value> = {};
      if (peek() === '(') {
        take('(');
        while (peek() !== ')') {
          const key = take();
          take(':');
          args[key] = value();
        }
        take(')');
      }
      fields.push({ alias, name, args, selections: peek() === '{' ? selectionSet() : [] });
    }
    take('}');
    return fields;
  };
  const variables = new Map<string, Value | undefined>();
  if (peek() === 'query') {
    take('query');
    if (peek() !== '(' && peek() !== '{') take();
    if (peek() === '(') {
      take('(');
      while (peek() !== ')') {
        take('$');
        const name = take();
        take(':');
        skipType();
        variables.set(name, peek() === '=' ? (take('='), value()) : undefined);
      }
      take(')');
    }
  } else if (peek() !== '{') throw new SyntaxFault(`only queries are served, got ${peek() ?? 'nothing'}`);
  const selections = selectionSet();
  if (i !== tokens.length) throw new SyntaxFault('Parse error: trailing tokens');
  return { variables, selections };
}

type Resolve = (parent: unknown, args: Record<string, unknown>) => unknown;
interface FieldDef {
  /** Object type name, or undefined for a scalar/enum. */
  type?: string;
  args?: string[];
  resolve: Resolve;
  /** How GitLab prices the field: `resolver` (a Resolvers:: class), `connection`, `gitaly` (calls_gitaly). */
  cost?: { resolver?: boolean; connection?: boolean; gitaly?: boolean };
}

/** GitLab's limit for authenticated queries (`GitlabSchema::AUTHENTICATED_MAX_COMPLEXITY`). */
export const MAX_COMPLEXITY = 250;
type Schema = Record<string, Record<string, FieldDef>>;

const gid = (kind: string, id: unknown): string => `gid://gitlab/${kind}/${String(id)}`;
const encodeCursor = (index: number): string => Buffer.from(`offset:${index}`).toString('base64');
const decodeCursor = (cursor: unknown): number => {
  const match = /^offset:(\d+)$/.exec(Buffer.from(String(cursor ?? ''), 'base64').toString());
  return match ? Number(match[1]) + 1 : 0;
};
const prop =
  (key: string): Resolve =>
  (parent) =>
    (parent as Body)[key] ?? null;

interface Page {
  items: unknown[];
  hasNextPage: boolean;
  endCursor: string | null;
}
function page(items: unknown[], args: Record<string, unknown>): Page {
  const start = decodeCursor(args.after);
  const first = Math.min(Number(args.first ?? 100) || 100, 100);
  const slice = items.slice(start, start + first);
  return { items: slice, hasNextPage: start + first < items.length, endCursor: slice.length ? encodeCursor(start + slice.length - 1) : null };
}
const connectionArgs = ['first', 'after', 'last', 'before'];
function connectionType(nodeType: string): Record<string, FieldDef> {
  return {
    pageInfo: { type: 'PageInfo', resolve: (p) => p },
    nodes: { type: nodeType, resolve: (p) => (p as Page).items },
    count: { resolve: (p) => (p as Page).items.length },
  };
}

export function executeGraphql(state: FakeGitlabState, token: FakeToken, body: unknown): { status: number; body: unknown } {
  const request = body as { query?: unknown; variables?: unknown } | null;
  if (!request || typeof request.query !== 'string') return { status: 400, body: { errors: [{ message: 'No query string was present' }] } };
  const ee = state.edition !== 'ce';
  const premium = state.tier === 'premium';
  const role = token.admin ? 50 : token.role;

  const codeOwner = (pb: Body): boolean => premium && (pb.code_owner_approval_required === true || pb.code_owner_approval_required === 'true');
  const schema: Schema = {
    Query: {
      group: { cost: { resolver: true }, type: 'Group', args: ['fullPath'], resolve: (_p, a) => state.groups.find((g) => g.body.full_path === a.fullPath) ?? null },
      project: { cost: { resolver: true }, type: 'Project', args: ['fullPath'], resolve: (_p, a) => state.projects.find((p) => p.body.path_with_namespace === a.fullPath) ?? null },
      projects: {
        cost: { resolver: true, connection: true },
        type: 'ProjectConnection',
        args: ['fullPaths', 'ids', 'membership', 'search', 'sort', ...connectionArgs],
        resolve: (_p, a) => {
          const paths = Array.isArray(a.fullPaths) ? (a.fullPaths as string[]) : undefined;
          if (paths && paths.length > 50) throw new SyntaxFault('You cannot provide more than 50 full paths');
          return page(paths ? state.projects.filter((p) => paths.includes(String(p.body.path_with_namespace))) : state.projects, a);
        },
      },
    },
    Group: {
      fullPath: { resolve: (g) => (g as { body: Body }).body.full_path },
      projects: { cost: { resolver: true, connection: true },
        type: 'ProjectConnection',
        args: ['includeSubgroups', 'search', 'sort', ...connectionArgs],
        resolve: (g, a) => {
          const full = String((g as { body: Body }).body.full_path);
          const own = state.projects.filter((p) => {
            const ns = String((p.body.namespace as Body).full_path);
            return ns === full || (a.includeSubgroups === true && ns.startsWith(`${full}/`));
          });
          return page(own, a);
        },
      },
    },
    ProjectConnection: connectionType('Project'),
    PageInfo: { hasNextPage: { resolve: (p) => (p as Page).hasNextPage }, endCursor: { resolve: (p) => (p as Page).endCursor } },
    Project: {
      id: { resolve: (p) => gid('Project', (p as FakeProject).body.id) },
      fullPath: { resolve: (p) => (p as FakeProject).body.path_with_namespace },
      // An administrator who is not a member has no access level, but admin_project.
      maxAccessLevel: { type: 'AccessLevel', resolve: () => ({ integerValue: token.admin ? 0 : role }) },
      userPermissions: { type: 'ProjectPermissions', resolve: () => ({ adminProject: role >= 40 }) },
      ciVariables: { cost: { resolver: true, connection: true },
        type: 'CiProjectVariableConnection',
        args: ['sort', ...connectionArgs],
        resolve: (p, a) => (role >= 40 ? page((p as FakeProject).variables, a) : null),
      },
      projectMembers: { cost: { resolver: true, connection: true },
        type: 'MemberInterfaceConnection',
        args: ['relations', 'search', 'accessLevels', ...connectionArgs],
        resolve: (p, a) => page((p as FakeProject).members, a),
      },
      branchRules: { cost: { resolver: true, connection: true },
        type: 'BranchRuleConnection',
        args: connectionArgs,
        resolve: (p, a) => {
          // Rules the caller may not read are redacted from the list without an error.
          const rules = role >= 30 ? (p as FakeProject).protectedBranches : [];
          return page([{ pseudo: 'All branches' }, ...rules], a);
        },
      },
      ...(ee
        ? {
            pushRules: {
              type: 'PushRules',
              resolve: (p: unknown) => {
                const rule = (p as FakeProject).pushRule;
                return rule === null ? null : { rejectUnsignedCommits: premium && rule.reject_unsigned_commits === true };
              },
            },
          }
        : {}),
      repository: { type: 'Repository', resolve: (p) => (role >= 20 ? p : null) },
    },
    ProjectPermissions: { adminProject: { resolve: prop('adminProject') }, readProject: { resolve: () => true } },
    AccessLevel: { integerValue: { resolve: prop('integerValue') }, stringValue: { resolve: () => null } },
    CiProjectVariableConnection: connectionType('CiProjectVariable'),
    CiProjectVariable: {
      key: { resolve: prop('key') },
      value: { resolve: (v) => ((v as Body).hidden === true ? null : ((v as Body).value ?? null)) },
      variableType: { resolve: (v) => String((v as Body).variable_type ?? 'env_var').toUpperCase() },
      masked: { resolve: prop('masked') },
      protected: { resolve: prop('protected') },
      hidden: { resolve: (v) => (v as Body).hidden ?? false },
      environmentScope: { resolve: prop('environment_scope') },
      raw: { resolve: prop('raw') },
    },
    MemberInterfaceConnection: connectionType('ProjectMember'),
    ProjectMember: {
      accessLevel: { type: 'AccessLevel', resolve: (m) => ({ integerValue: (m as Body).access_level }) },
      user: { type: 'UserCore', resolve: (m) => m },
    },
    UserCore: {
      id: { resolve: (u) => gid('User', (u as Body).id) },
      username: { resolve: prop('username') },
      state: { resolve: prop('state') },
    },
    BranchRuleConnection: connectionType('BranchRule'),
    BranchRule: {
      name: { resolve: (r) => ((r as { pseudo?: string }).pseudo ?? (r as Body).name) },
      isProtected: { resolve: (r) => !(r as { pseudo?: string }).pseudo },
      branchProtection: { type: 'BranchProtection', resolve: (r) => ((r as { pseudo?: string }).pseudo ? null : r) },
    },
    BranchProtection: {
      allowForcePush: { resolve: prop('allow_force_push') },
      ...(ee ? { codeOwnerApprovalRequired: { resolve: (pb: unknown) => codeOwner(pb as Body) } } : {}),
      pushAccessLevels: { cost: { connection: true }, type: 'PushAccessLevelConnection', args: connectionArgs, resolve: (pb, a) => page(((pb as Body).push_access_levels as Body[]) ?? [], a) },
      mergeAccessLevels: { cost: { connection: true }, type: 'PushAccessLevelConnection', args: connectionArgs, resolve: (pb, a) => page(((pb as Body).merge_access_levels as Body[]) ?? [], a) },
    },
    PushAccessLevelConnection: connectionType('PushAccessLevel'),
    PushAccessLevel: {
      accessLevel: { resolve: prop('access_level') },
      accessLevelDescription: { resolve: prop('access_level_description') },
      deployKey: { type: 'Ref', resolve: (l) => ((l as Body).deploy_key_id ? { id: gid('DeployKey', (l as Body).deploy_key_id) } : null) },
      ...(ee
        ? {
            user: { type: 'Ref', resolve: (l: unknown) => ((l as Body).user_id ? { id: gid('User', (l as Body).user_id) } : null) },
            group: { type: 'Ref', resolve: (l: unknown) => ((l as Body).group_id ? { id: gid('Group', (l as Body).group_id) } : null) },
          }
        : {}),
    },
    Ref: { id: { resolve: prop('id') } },
    PushRules: { rejectUnsignedCommits: { resolve: prop('rejectUnsignedCommits') } },
    Repository: {
      rootRef: { cost: { gitaly: true }, resolve: (p) => (p as FakeProject).body.default_branch ?? null },
      empty: { cost: { gitaly: true }, resolve: (p) => Object.keys((p as FakeProject).files).length === 0 },
      tree: { cost: { resolver: true, gitaly: true },
        type: 'Tree',
        args: ['path', 'ref', 'refType', 'recursive'],
        resolve: (p, a) => {
          const project = p as FakeProject;
          if (!project.body.default_branch || (a.ref !== undefined && a.ref !== project.body.default_branch)) return null;
          const files = Object.keys(project.files).sort();
          return { blobs: a.recursive === true ? files : files.filter((f) => !f.includes('/')) };
        },
      },
      blobs: { cost: { resolver: true, gitaly: true, connection: true },
        type: 'RepositoryBlobConnection',
        args: ['paths', 'ref', 'refType', ...connectionArgs],
        resolve: (p, a) => {
          const project = p as FakeProject;
          if (a.ref !== undefined && a.ref !== null && a.ref !== project.body.default_branch) return page([], a);
          const paths = Array.isArray(a.paths) ? (a.paths as string[]) : [];
          return page(paths.filter((path) => project.files[path] !== undefined).map((path) => ({ path, text: project.files[path] })), a);
        },
      },
    },
    Tree: { blobs: { cost: { gitaly: true, connection: true }, type: 'TreeBlobConnection', args: connectionArgs, resolve: (t, a) => page((t as { blobs: string[] }).blobs.map((path) => ({ path })), a) } },
    TreeBlobConnection: connectionType('TreeBlob'),
    TreeBlob: { path: { resolve: prop('path') }, name: { resolve: (b) => String((b as Body).path).split('/').at(-1) }, type: { resolve: () => 'blob' } },
    RepositoryBlobConnection: connectionType('RepositoryBlob'),
    RepositoryBlob: { path: { resolve: prop('path') }, rawTextBlob: { resolve: prop('text') }, rawBlob: { resolve: prop('text') } },
  };

  let operation: Operation;
  try {
    operation = parse(request.query);
  } catch (err) {
    return { status: 200, body: { errors: [{ message: err instanceof Error ? err.message : String(err) }] } };
  }
  const supplied = (request.variables ?? {}) as Record<string, unknown>;
  const errors: Body[] = [];
  const validate = (typeName: string, fields: Field[]): void => {
    const type = schema[typeName] ?? {};
    for (const f of fields) {
      const def = type[f.name];
      if (!def) {
        errors.push({ message: `Field '${f.name}' doesn't exist on type '${typeName}'`, extensions: { code: 'undefinedField', typeName, fieldName: f.name } });
        continue;
      }
      for (const arg of Object.keys(f.args)) {
        if (!(def.args ?? []).includes(arg)) errors.push({ message: `Field '${f.name}' doesn't accept argument '${arg}'`, extensions: { code: 'argumentNotAccepted' } });
      }
      if (def.type) validate(def.type, f.selections);
    }
  };
  validate('Query', operation.selections);
  if (errors.length > 0) return { status: 200, body: { errors } };

  const resolveValue = (v: Value): unknown => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && 'variable' in v) {
      const name = String(v.variable);
      return name in supplied ? supplied[name] : (operation.variables.get(name) ?? undefined);
    }
    if (Array.isArray(v)) return v.map(resolveValue);
    return v;
  };
  // Complexity as GitLab's Types::BaseField computes it: 1 per field (+1 calls_gitaly); a resolver
  // field adds its children and 1, then 1% per requested item on connections (`first`, at most 100).
  const complexity = (typeName: string, fields: Field[]): number => {
    let total = 0;
    for (const f of fields) {
      const def = schema[typeName]?.[f.name] as FieldDef;
      const children = def.type ? complexity(def.type, f.selections) : 0;
      const gitaly = def.cost?.gitaly ? 1 : 0;
      if (def.cost?.resolver) {
        let c = children + 1 + gitaly;
        if (def.cost.connection) c += c * Math.min(Number(resolveValue(f.args.first ?? 100)) || 100, 100) * 0.01;
        total += Math.trunc(c);
      } else total += 1 + gitaly + children;
    }
    return total;
  };
  const score = complexity('Query', operation.selections);
  state.graphqlComplexity = Math.max(state.graphqlComplexity ?? 0, score);
  const limit = state.graphqlMaxComplexity ?? MAX_COMPLEXITY;
  if (score > limit) return { status: 200, body: { errors: [{ message: `Query has complexity of ${score}, which exceeds max complexity of ${limit}` }] } };

  const failures: Body[] = [];
  const execute = (typeName: string, parent: unknown, fields: Field[], path: (string | number)[]): Body => {
    const out: Body = {};
    for (const f of fields) {
      const def = schema[typeName]?.[f.name] as FieldDef;
      const at = [...path, f.alias];
      const faults = typeName === 'Project' ? state.graphqlFaults?.[String((parent as FakeProject).body.path_with_namespace)] : undefined;
      if (faults?.includes(f.name)) {
        // A resolver that raised: the field is null and the error names its path.
        out[f.alias] = null;
        failures.push({ message: 'Internal server error', locations: [{ line: 1, column: 1 }], path: at });
        continue;
      }
      const args = Object.fromEntries(Object.entries(f.args).map(([k, v]) => [k, resolveValue(v)]));
      const value = def.resolve(parent, args);
      if (!def.type || value === null || value === undefined) out[f.alias] = value ?? null;
      else if (Array.isArray(value)) out[f.alias] = value.map((item, i) => execute(def.type as string, item, f.selections, [...at, i]));
      else out[f.alias] = execute(def.type, value, f.selections, at);
    }
    return out;
  };
  const data = execute('Query', null, operation.selections, []);
  return { status: 200, body: failures.length > 0 ? { errors: failures, data } : { data } };
}
