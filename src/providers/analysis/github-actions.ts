import { isMap, isScalar, isSeq } from 'yaml';
import type { Pipeline } from '../../model/index.js';
import { recogniseAction, recogniseCommands, ScanTally } from './scans-catalogue.js';
import { resolveDockerfile } from './build-commands.js';
import { buildsInScriptNode, labelKeysInInput, METADATA_ACTION_LABELS, type ImageBuild } from './image-builds.js';
import { COMMIT_SHA, FULL_SHA, IMAGE_DIGEST, unpinnedAt } from './pinning.js';
import { isReference, knownTokenIn, looksLikeSecretName } from './secret-names.js';
import { asSeqItems, deref, entries, get, getEntry, scalarText, type YamlSource } from './yaml-ast.js';

type Facts = Pick<Pipeline, 'scans' | 'scanTools' | 'tokenPermissions' | 'unpinnedActions' | 'dangerousTriggers' | 'plaintextSecrets' | 'imageBuilds' | 'gaps'>;

/** Expressions an outsider controls (titles, bodies, branch names, commit messages). */
const UNTRUSTED_INPUT =
  /\$\{\{\s*(github\.event\.(issue\.(title|body)|pull_request\.(title|body|head\.ref|head\.label|head\.repo\.default_branch)|comment\.body|review\.body|review_comment\.body|discussion\.(title|body)|pages\.[^}]*\.page_name|commits\.[^}]*\.(message|author\.(email|name))|head_commit\.(message|author\.(email|name))|workflow_run\.(head_branch|head_commit\.(message|author\.(email|name))|display_title))|github\.head_ref)\s*\}\}/;

/** A checkout `ref:` (or git command) that fetches the pull request's own code. */
const PR_HEAD_REF =
  /github\.event\.pull_request\.head\.(sha|ref)|github\.head_ref|github\.event\.workflow_run\.head_(sha|branch)|refs\/pull\/|github\.event\.pull_request\.merge_commit_sha|github\.event\.number/;
const PR_CHECKOUT_COMMAND = /\bgh\s+pr\s+checkout\b|\bgit\s+(fetch|checkout)\b[^\n]*(pull\/|refs\/pull|\$\{\{\s*github\.(event\.pull_request\.head|head_ref|event\.workflow_run\.head))/;

const PRIVILEGED_TRIGGERS = new Set(['pull_request_target', 'workflow_run']);
const UNTRUSTED_TRIGGERS = [
  'pull_request_target',
  'workflow_run',
  'issue_comment',
  'issues',
  'pull_request_review',
  'pull_request_review_comment',
  'discussion',
  'discussion_comment',
  'pull_request',
  'gollum',
  'push',
];

interface Step {
  node: unknown;
  line: number | undefined;
  uses?: string;
  usesNode?: unknown;
  run?: string;
  id?: string;
  inputs: Record<string, string>;
}

export function analyseGithubWorkflow(src: YamlSource): Facts | { malformed: string; line?: number } {
  const root = deref(src, src.doc.contents);
  if (!isMap(root)) return { malformed: 'a workflow must be a mapping', line: src.line(root) ?? 1 };
  const jobsEntry = getEntry(src, root, 'jobs');
  if (!jobsEntry || !isMap(jobsEntry.value)) return { malformed: 'a workflow needs a `jobs` mapping', line: src.line(root) ?? 1 };

  const triggers = readTriggers(src, get(src, root, 'on'));
  const tally = new ScanTally();
  const unpinned: NonNullable<Pipeline['unpinnedActions']> = [];
  const dangerous: NonNullable<Pipeline['dangerousTriggers']> = [];
  const plaintext: NonNullable<Pipeline['plaintextSecrets']> = [];
  const imageBuilds: ImageBuild[] = [];

  const topPermissions = getEntry(src, root, 'permissions');
  const topLevel = topPermissions ? describePermissions(src, topPermissions.value) : null;
  const offendingJobs: NonNullable<Pipeline['tokenPermissions']>['offendingJobs'] = [];

  collectPlaintext(src, get(src, root, 'env'), plaintext);

  for (const job of entries(src, jobsEntry.value)) {
    const jobLine = src.line(job.keyNode);
    const jobPermissions = getEntry(src, job.value, 'permissions');
    if (jobPermissions) {
      if (describePermissions(src, jobPermissions.value) === 'write-all') {
        offendingJobs.push({ job: job.key, line: src.line(jobPermissions.keyNode) ?? jobLine, why: 'permissions: write-all' });
      }
    } else if (topLevel === null) {
      offendingJobs.push({ job: job.key, line: jobLine, why: 'no permissions block at the top level or in the job (inherits the default token permissions)' });
    } else if (topLevel === 'write-all') {
      offendingJobs.push({ job: job.key, line: jobLine, why: 'inherits top-level permissions: write-all' });
    }

    // A job that calls a reusable workflow.
    const jobUses = getEntry(src, job.value, 'uses');
    const jobUsesText = jobUses ? scalarText(src, jobUses.value) : undefined;
    if (jobUsesText !== undefined) {
      if (!isPinned(jobUsesText)) unpinned.push(unpinnedAt(src, jobUses!.value, { uses: jobUsesText, kind: 'reusable-workflow', pinTo: COMMIT_SHA }));
      tally.add(recogniseAction(jobUsesText, stringInputs(src, get(src, job.value, 'with'))));
      collectPlaintext(src, get(src, job.value, 'with'), plaintext);
      collectPlaintext(src, get(src, job.value, 'secrets'), plaintext);
    }

    collectPlaintext(src, get(src, job.value, 'env'), plaintext);
    const container = get(src, job.value, 'container');
    collectPlaintext(src, get(src, container, 'env'), plaintext);
    collectPlaintext(src, get(src, container, 'credentials'), plaintext, true);
    for (const service of entries(src, get(src, job.value, 'services'))) {
      collectPlaintext(src, get(src, service.value, 'env'), plaintext);
      collectPlaintext(src, get(src, service.value, 'credentials'), plaintext, true);
    }

    const steps = readSteps(src, get(src, job.value, 'steps'));
    let prCheckout: Step | undefined;
    const metadataSteps = new Set<string>();
    for (const step of steps) {
      imageBuilds.push(...imageBuildsOf(src, step, metadataSteps));
      if (step.uses !== undefined) {
        if (!isPinned(step.uses)) unpinned.push(unpinnedAt(src, step.usesNode, actionSpec(step.uses)));
        tally.add(recogniseAction(step.uses, step.inputs));
        if (/^actions\/github-script@/i.test(step.uses) && step.inputs.script) checkInjection(step.inputs.script, step.line, triggers, dangerous);
      }
      if (step.run !== undefined) {
        for (const r of recogniseCommands(step.run)) tally.add(r);
        checkInjection(step.run, step.line, triggers, dangerous);
      }
      collectPlaintext(src, get(src, step.node, 'env'), plaintext);
      collectPlaintext(src, get(src, step.node, 'with'), plaintext);

      // pull_request_target / workflow_run run with secrets and a write token: checking out
      // the pull request's code and then executing anything from it hands both to the author.
      if (prCheckout && (step.run !== undefined || step.uses !== undefined) && step !== prCheckout) {
        for (const t of triggers.filter((t) => PRIVILEGED_TRIGGERS.has(t.name))) {
          if (dangerous.some((d) => d.trigger === t.name && d.line === prCheckout!.line)) continue;
          dangerous.push({
            trigger: t.name,
            line: prCheckout.line,
            why: `job "${job.key}" checks out the pull request's code (line ${prCheckout.line ?? '?'}) and then runs it (line ${step.line ?? '?'}) with the ${t.name} token and secrets`,
          });
        }
      }
      if (!prCheckout && checksOutPrCode(step)) prCheckout = step;
    }
  }

  const leastPrivilege = offendingJobs.length === 0 && (entries(src, jobsEntry.value).length > 0 || (topLevel !== null && topLevel !== 'write-all'));
  return {
    scans: tally.scans(),
    scanTools: [...tally.tools].sort(),
    tokenPermissions: { leastPrivilege, topLevel, offendingJobs },
    unpinnedActions: unpinned,
    dangerousTriggers: dangerous,
    plaintextSecrets: plaintext,
    imageBuilds,
  };
}

/**
 * A step that builds an image with OCI labels: `docker/build-push-action` or
 * `docker/bake-action` fed by an earlier `docker/metadata-action` step's labels or given
 * `org.opencontainers.image.*` labels, or a `run:` script with `docker build --label`.
 */
function imageBuildsOf(src: YamlSource, step: Step, metadataSteps: Set<string>): ImageBuild[] {
  if (step.run !== undefined) return buildsInScriptNode(src, get(src, step.node, 'run'));
  if (step.uses === undefined) return [];
  const action = step.uses.split('@')[0]!.toLowerCase();
  if (action === 'docker/metadata-action') {
    if (step.id) metadataSteps.add(step.id);
    return [];
  }
  const fromMetadata = (text: string | undefined, output: RegExp): boolean =>
    [...(text ?? '').matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].some((m) => metadataSteps.has(m[1]!) && output.test(m[2]!));
  let keys: string[];
  let via: string;
  let dockerfile: string | undefined;
  if (action === 'docker/build-push-action') {
    const metadata = fromMetadata(step.inputs.labels, /^labels$/);
    keys = [...new Set([...(metadata ? METADATA_ACTION_LABELS : []), ...labelKeysInInput(step.inputs.labels)])];
    via = metadata ? 'docker/metadata-action labels into docker/build-push-action' : 'docker/build-push-action labels';
    dockerfile = resolveDockerfile(step.inputs.file, step.inputs.context ?? '.');
  } else if (action === 'docker/bake-action') {
    const metadata = fromMetadata(step.inputs.files, /^bake-file(-labels)?$/);
    const set = [...(step.inputs.set ?? '').matchAll(/\.labels\.(org\.opencontainers\.image\.[\w.-]+)=/g)].map((m) => m[1]!);
    keys = [...new Set([...(metadata ? METADATA_ACTION_LABELS : []), ...set])];
    via = metadata ? 'docker/metadata-action bake file into docker/bake-action' : 'docker/bake-action set labels';
  } else {
    return [];
  }
  if (keys.length === 0) return [];
  const build: ImageBuild = { labelKeys: keys.sort(), via };
  if (dockerfile !== undefined) build.dockerfile = dockerfile;
  const pos = src.position(step.usesNode);
  if (pos) {
    build.line = pos.line;
    build.column = pos.column;
  }
  return [build];
}

function readTriggers(src: YamlSource, node: unknown): { name: string; line: number | undefined }[] {
  const n = deref(src, node);
  if (isScalar(n)) return [{ name: String(n.value), line: src.line(n) }];
  if (isSeq(n)) return n.items.map((i) => ({ name: scalarText(src, i) ?? '', line: src.line(i) })).filter((t) => t.name);
  return entries(src, n).map((e) => ({ name: e.key, line: src.line(e.keyNode) }));
}

/** `read-all`, `write-all`, `{}` or `contents: read, packages: write`. */
function describePermissions(src: YamlSource, node: unknown): string {
  const text = scalarText(src, node);
  if (text !== undefined) return text;
  const items = entries(src, node);
  if (items.length === 0) return '{}';
  return items.map((e) => `${e.key}: ${scalarText(src, e.value) ?? '?'}`).join(', ');
}

/** What a step reference is and must be pinned to: an image digest for `docker://` steps, a commit otherwise. */
function actionSpec(uses: string): { uses: string; kind: string; pinTo: string } {
  return uses.startsWith('docker://') ? { uses, kind: 'docker-image', pinTo: IMAGE_DIGEST } : { uses, kind: 'action', pinTo: COMMIT_SHA };
}

/** Pinned: a full commit SHA, a local action, or a Docker image by digest. */
export function isPinned(uses: string): boolean {
  if (uses.startsWith('./') || uses.startsWith('../')) return true;
  if (uses.startsWith('docker://')) return /@sha256:[0-9a-f]{64}$/i.test(uses);
  const at = uses.lastIndexOf('@');
  return at > 0 && FULL_SHA.test(uses.slice(at + 1));
}

function readSteps(src: YamlSource, node: unknown): Step[] {
  return (asSeqItems(src, node) ?? []).map((stepNode) => {
    const usesEntry = getEntry(src, stepNode, 'uses');
    const run = scalarText(src, get(src, stepNode, 'run'));
    const step: Step = { node: stepNode, line: src.line(stepNode), inputs: stringInputs(src, get(src, stepNode, 'with')) };
    const uses = usesEntry ? scalarText(src, usesEntry.value) : undefined;
    if (uses !== undefined) {
      step.uses = uses.trim();
      step.usesNode = usesEntry!.value;
    }
    if (run !== undefined) step.run = run;
    const id = scalarText(src, get(src, stepNode, 'id'));
    if (id !== undefined) step.id = id;
    return step;
  });
}

function stringInputs(src: YamlSource, node: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries(src, node)) {
    const v = scalarText(src, e.value);
    if (v !== undefined) out[e.key] = v;
  }
  return out;
}

function checksOutPrCode(step: Step): boolean {
  if (step.uses && /^actions\/checkout@/i.test(step.uses)) {
    return PR_HEAD_REF.test(step.inputs.ref ?? '') || /pull_request\.head\.repo/.test(step.inputs.repository ?? '');
  }
  return step.run !== undefined && PR_CHECKOUT_COMMAND.test(step.run);
}

function checkInjection(
  script: string,
  line: number | undefined,
  triggers: { name: string }[],
  out: NonNullable<Pipeline['dangerousTriggers']>,
): void {
  const m = UNTRUSTED_INPUT.exec(script);
  if (!m) return;
  const names = triggers.map((t) => t.name);
  const trigger = UNTRUSTED_TRIGGERS.find((t) => names.includes(t)) ?? names[0] ?? 'unknown';
  out.push({ trigger, line, why: `script interpolates ${m[0]} (attacker-controlled) directly into code; pass it through env instead` });
}

/** Secret-looking keys with literal values, and literal values shaped like known tokens. */
export function collectPlaintext(
  src: YamlSource,
  node: unknown,
  out: { key: string; line?: number }[],
  everyKeyIsSecret = false,
): void {
  for (const e of entries(src, node)) {
    const value = deref(src, e.value);
    if (!isScalar(value) || typeof value.value === 'boolean' || value.value === null) continue;
    const text = String(value.value);
    if (isReference(text)) continue;
    const secretKey = everyKeyIsSecret ? /pass|token|secret|key/i.test(e.key) : looksLikeSecretName(e.key);
    if (secretKey || knownTokenIn(text)) out.push({ key: e.key, line: src.line(e.keyNode) });
  }
}
