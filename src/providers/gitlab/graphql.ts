import { z } from 'zod';
import { classifyFailure } from './call.js';
import type { Prefetched, Run } from './run.js';
import type { GitlabAccessLevel, GitlabMember, GitlabProtectedBranch } from './schema.js';

/**
 * Per-project facts read in bulk through GitLab's GraphQL API (`POST /api/graphql`): one
 * query answers them for 20 projects of a group at once, where REST needs one request per
 * fact and project. Every fact here is optional: a fact that is absent, null, errored,
 * truncated (`hasNextPage`) or not trustworthy for the caller's role is simply not
 * prefetched, and the project reads it through REST as before (so gaps stay REST's).
 */
export type { Prefetched };

export const GRAPHQL_PAGE = 20;
export const DEFAULT_CI_PATH = '.gitlab-ci.yml';
/** Branch rules GitLab lists without a protected branch behind them (`branchProtection: null`). */
const PSEUDO_RULES = new Set(['All branches', 'All protected branches']);

const pageInfo = z.object({ hasNextPage: z.boolean() });
const gid = z.string().nullable().optional();
const accessLevel = z.object({
  accessLevel: z.number().int().nullable().optional(),
  accessLevelDescription: z.string().nullable().optional(),
  user: z.object({ id: gid }).nullable().optional(),
  group: z.object({ id: gid }).nullable().optional(),
  deployKey: z.object({ id: gid }).nullable().optional(),
});

const ProjectNodeSchema = z.object({
  fullPath: z.string(),
  maxAccessLevel: z.object({ integerValue: z.number().int().nullable().optional() }).nullable().optional(),
  userPermissions: z.object({ adminProject: z.boolean().nullable().optional() }).nullable().optional(),
  ciVariables: z
    .object({
      pageInfo,
      nodes: z.array(
        z.object({
          key: z.string(),
          value: z.string().nullable().optional(),
          variableType: z.string().nullable().optional(),
          masked: z.boolean().nullable().optional(),
          protected: z.boolean().nullable().optional(),
          hidden: z.boolean().nullable().optional(),
          environmentScope: z.string().nullable().optional(),
        }),
      ),
    })
    .nullable()
    .optional(),
  projectMembers: z
    .object({
      pageInfo,
      nodes: z.array(
        z.object({
          accessLevel: z.object({ integerValue: z.number().int() }).nullable().optional(),
          user: z.object({ id: z.string(), username: z.string(), state: z.string().nullable().optional() }).nullable().optional(),
        }),
      ),
    })
    .nullable()
    .optional(),
  branchRules: z
    .object({
      pageInfo,
      nodes: z.array(
        z.object({
          name: z.string(),
          branchProtection: z
            .object({
              allowForcePush: z.boolean(),
              codeOwnerApprovalRequired: z.boolean().nullable().optional(),
              pushAccessLevels: z.object({ pageInfo, nodes: z.array(accessLevel) }).nullable(),
            })
            .nullable(),
        }),
      ),
    })
    .nullable()
    .optional(),
  pushRules: z.object({ rejectUnsignedCommits: z.boolean() }).nullable().optional(),
  repository: z
    .object({
      rootRef: z.string().nullable().optional(),
      tree: z.object({ blobs: z.object({ pageInfo, nodes: z.array(z.object({ path: z.string() })) }) }).nullable().optional(),
      blobs: z.object({ nodes: z.array(z.object({ path: z.string(), rawTextBlob: z.string().nullable().optional() })) }).nullable().optional(),
    })
    .nullable()
    .optional(),
});
type ProjectNode = z.infer<typeof ProjectNodeSchema>;

const AnswerSchema = z.object({
  data: z
    .object({ projects: z.object({ pageInfo: z.object({ hasNextPage: z.boolean() }), nodes: z.array(z.unknown()) }).nullable().optional() })
    .nullable()
    .optional(),
  errors: z.array(z.object({ message: z.string(), path: z.array(z.union([z.string(), z.number()])).optional() })).optional(),
});

/**
 * The query for up to 20 projects named by full path (GitLab accepts 50). `ee` adds fields
 * only GitLab EE has (push rules, code-owner approval, user and group push entries); a CE
 * instance refuses the whole query for them, so the plain variant is used instead.
 */
export function projectsQuery(ee: boolean): string {
  const push = `pushAccessLevels(first: 100) { pageInfo { hasNextPage } nodes { accessLevel accessLevelDescription deployKey { id }${ee ? ' user { id } group { id }' : ''} } }`;
  return `query secpolProjects($paths: [String!]!, $first: Int!) {
  projects(fullPaths: $paths, first: $first) {
    pageInfo { hasNextPage }
    nodes {
      fullPath
      maxAccessLevel { integerValue }
      userPermissions { adminProject }
      ciVariables(first: 100) { pageInfo { hasNextPage } nodes { key value variableType masked protected hidden environmentScope } }
      projectMembers(relations: [DIRECT, INHERITED, INVITED_GROUPS, SHARED_INTO_ANCESTORS], first: 100) { pageInfo { hasNextPage } nodes { accessLevel { integerValue } user { id username state } } }
      branchRules(first: 100) { pageInfo { hasNextPage } nodes { name branchProtection { allowForcePush${ee ? ' codeOwnerApprovalRequired' : ''} ${push} } } }${ee ? '\n      pushRules { rejectUnsignedCommits }' : ''}
      repository { rootRef tree(recursive: true) { blobs(first: 100) { pageInfo { hasNextPage } nodes { path } } } blobs(paths: ["${DEFAULT_CI_PATH}"]) { nodes { path rawTextBlob } } }
    }
  }
}`;
}

const MAINTAINER = 40;
const numericId = (value: string | null | undefined): number | null => {
  const match = /(\d+)$/.exec(value ?? '');
  return match ? Number(match[1]) : null;
};

/** One project node -> the facts it settles; anything errored (`broken`) or doubtful is left out. */
export function prefetchedOf(node: ProjectNode, broken: Set<string>): Prefetched {
  const facts: Prefetched = {};
  const ok = (field: keyof ProjectNode): boolean => !broken.has(field) && node[field] !== null && node[field] !== undefined;
  // Maintainer membership, or admin_project (which an administrator has without being a member).
  const maintainer = (node.maxAccessLevel?.integerValue ?? 0) >= MAINTAINER || node.userPermissions?.adminProject === true;

  // `masked`/`protected` are nullable in the schema; an unknown flag must not read as `false`.
  const flagsKnown = node.ciVariables?.nodes.every((v) => typeof v.masked === 'boolean' && typeof v.protected === 'boolean') === true;
  if (ok('ciVariables') && node.ciVariables && !node.ciVariables.pageInfo.hasNextPage && flagsKnown) {
    facts.variables = node.ciVariables.nodes.map((v) => ({
      key: v.key,
      value: v.value ?? null,
      variable_type: (v.variableType ?? 'ENV_VAR').toLowerCase(),
      protected: v.protected === true,
      masked: v.masked === true,
      ...(v.hidden === null || v.hidden === undefined ? {} : { hidden: v.hidden }),
      ...(v.environmentScope ? { environment_scope: v.environmentScope } : {}),
    }));
  }

  if (ok('projectMembers') && node.projectMembers && !node.projectMembers.pageInfo.hasNextPage) {
    // One entry per membership (direct, inherited, invited group): keep each user's highest role, as members/all does.
    const best = new Map<string, GitlabMember>();
    let complete = true;
    for (const m of node.projectMembers.nodes) {
      const id = numericId(m.user?.id);
      if (!m.user || !m.accessLevel || id === null) {
        complete = false;
        continue;
      }
      const seen = best.get(m.user.username);
      if (!seen || seen.access_level < m.accessLevel.integerValue) {
        // UserState is an enum; REST spells states in lower case (`active`), which is what access.ts compares.
        best.set(m.user.username, { id, username: m.user.username, access_level: m.accessLevel.integerValue, ...(m.user.state ? { state: m.user.state.toLowerCase() } : {}) });
      }
    }
    if (complete) facts.members = [...best.values()];
  }

  // Branch rules a caller may not read are dropped without an error: only a Maintainer's list is complete.
  if (ok('branchRules') && node.branchRules && !node.branchRules.pageInfo.hasNextPage && maintainer) {
    const rules: GitlabProtectedBranch[] = [];
    const codeOwner: boolean[] = [];
    let complete = true;
    for (const rule of node.branchRules.nodes) {
      const p = rule.branchProtection;
      if (!p) {
        if (!PSEUDO_RULES.has(rule.name)) complete = false;
        continue;
      }
      if (!p.pushAccessLevels || p.pushAccessLevels.pageInfo.hasNextPage) {
        complete = false;
        continue;
      }
      const levels: GitlabAccessLevel[] = p.pushAccessLevels.nodes.map((l) => ({
        access_level: l.accessLevel ?? null,
        ...(l.accessLevelDescription ? { access_level_description: l.accessLevelDescription } : {}),
        user_id: numericId(l.user?.id),
        group_id: numericId(l.group?.id),
        deploy_key_id: numericId(l.deployKey?.id),
      }));
      rules.push({ id: rules.length, name: rule.name, push_access_levels: levels, merge_access_levels: [], allow_force_push: p.allowForcePush });
      if (typeof p.codeOwnerApprovalRequired === 'boolean') codeOwner.push(p.codeOwnerApprovalRequired);
    }
    if (complete) {
      facts.protectedBranches = rules;
      if (codeOwner.length === rules.length) facts.codeOwnerApproval = codeOwner;
    }
  }

  if (!broken.has('pushRules') && node.pushRules !== undefined) {
    facts.pushRule = node.pushRules === null ? null : { reject_unsigned_commits: node.pushRules.rejectUnsignedCommits };
  }

  const repo = node.repository;
  if (ok('repository') && repo?.rootRef) {
    facts.rootRef = repo.rootRef;
    if (repo.tree && !repo.tree.blobs.pageInfo.hasNextPage) facts.tree = repo.tree.blobs.nodes.map((b) => b.path);
    const ci = repo.blobs?.nodes.find((b) => b.path === DEFAULT_CI_PATH);
    // A binary or unreadable blob (rawTextBlob null) is read again through REST.
    if (repo.blobs && (!ci || typeof ci.rawTextBlob === 'string')) facts.defaultCiFile = { text: ci?.rawTextBlob ?? undefined };
  }
  return facts;
}

type Mode = 'ee' | 'ce' | 'off';

/**
 * Starts reading the GraphQL facts of these projects, 20 per request, and records one promise
 * per project in `run.prefetched` (resolving to undefined where GraphQL did not answer for
 * it). The first request settles whether the instance takes the EE query, the plain one or
 * none; the others then run concurrently, paced by the shared throttle, so each project
 * starts as soon as its own batch has arrived.
 */
export function schedulePrefetch(run: Run, paths: string[]): void {
  const todo = [...new Set(paths)].filter((p) => !run.prefetched.has(p));
  const chunks: string[][] = [];
  for (let i = 0; i < todo.length; i += GRAPHQL_PAGE) chunks.push(todo.slice(i, i + GRAPHQL_PAGE));
  const [head, ...rest] = chunks;
  if (!head) return;
  const settle = (chunk: string[], pending: Promise<Map<string, Prefetched>>): void => {
    for (const path of chunk) run.prefetched.set(path, pending.then((found) => found.get(path)));
  };
  const first = queryBatch(run, head, 'ee');
  settle(
    head,
    first.then((r) => r.found),
  );
  for (const chunk of rest) {
    settle(
      chunk,
      first.then((r) => (r.mode === 'off' ? new Map<string, Prefetched>() : queryBatch(run, chunk, r.mode).then((x) => x.found))),
    );
  }
}

/** One batch; on CE the EE query is refused (`undefinedField`) and the plain one is sent. Never rejects. */
async function queryBatch(run: Run, paths: string[], mode: 'ee' | 'ce'): Promise<{ found: Map<string, Prefetched>; mode: Mode }> {
  const found = new Map<string, Prefetched>();
  const outcome = await requestBatch(run, paths, mode === 'ee', found).catch((): 'failed' => 'failed');
  if (outcome === 'ok') return { found, mode };
  if (outcome === 'undefined-field' && mode === 'ee') return queryBatch(run, paths, 'ce');
  return { found, mode: 'off' };
}

async function requestBatch(run: Run, paths: string[], ee: boolean, found: Map<string, Prefetched>): Promise<'ok' | 'undefined-field' | 'failed'> {
  let raw: unknown;
  try {
    raw = await run.client.graphql(projectsQuery(ee), { paths, first: GRAPHQL_PAGE });
  } catch (err) {
    // Never rejects: a project may not be waiting for this batch any more (cancelled run), and
    // a cancelled run stops at the project's own REST calls.
    if (!run.signal?.aborted) run.debug(`gitlab: GraphQL unavailable, reading these facts through REST: ${classifyFailure(run, err, 'GraphQL').gap.message}`);
    return 'failed';
  }
  const answer = AnswerSchema.safeParse(raw);
  if (!answer.success) {
    run.debug('gitlab: GraphQL answer failed validation; reading these facts through REST');
    return 'failed';
  }
  const { data, errors = [] } = answer.data;
  const projects = data?.projects;
  if (!projects) {
    // A refused query has no data: EE fields on CE, complexity above the limit, anything else.
    if (errors.some((e) => /doesn't exist on type|undefinedField/i.test(e.message))) return 'undefined-field';
    run.debug(`gitlab: GraphQL query refused (${errors.length} errors); reading these facts through REST`);
    return 'failed';
  }
  // Errors name the failing field by path: projects.nodes.<i>.<field>.
  const brokenByIndex = new Map<number, Set<string>>();
  for (const e of errors) {
    const [b, c, index, field] = e.path ?? [];
    if (b === 'projects' && c === 'nodes' && typeof index === 'number' && typeof field === 'string') {
      const set = brokenByIndex.get(index) ?? new Set<string>();
      set.add(field);
      brokenByIndex.set(index, set);
    }
  }
  projects.nodes.forEach((value, index) => {
    const node = ProjectNodeSchema.safeParse(value);
    if (node.success) found.set(node.data.fullPath, prefetchedOf(node.data, brokenByIndex.get(index) ?? new Set()));
  });
  return 'ok';
}
