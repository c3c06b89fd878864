import { basename } from 'node:path';
import type { ContainerImage, Gaps, Pipeline, Repository, Resource, SecretFinding } from '../../model/index.js';
import type { Diagnostic } from '../../shared/errors.js';
import { formatBytes, LIMITS } from '../../shared/limits.js';
import type { CollectContext, CollectResult, ProviderAdapter } from '../types.js';
import {
  analyseDockerfile,
  applyCiImageLabels,
  analysePipelineFile,
  azureTemplateRefs,
  isComposePath,
  looksLikeAzurePipeline,
  referencedDockerfiles,
  ciScanGaps,
  isDockerfilePath,
  isIacContent,
  isIacPath,
  pipelinePlatformOf,
  summariseCiScans,
  type ResourceIds,
} from '../analysis/index.js';
import { listFiles, SafeReader, type GitRunner } from './files.js';
import { envFiles, envIgnoredBy, hasCodeowners, hasSecurityPolicy } from './repository.js';
import { scanFile } from './scan-file.js';
import { contextOf } from './secret-filters.js';
import { SecretScanner, type Allowlist } from './secrets.js';
import { decodeText } from './text.js';
import { plural } from '../../shared/plural.js';

export interface LocalProviderOptions {
  /** Secret findings to accept: path globs (not scanned) and fingerprints (from secpol.yaml). */
  allowlist?: Allowlist;
  /** Files above this size are scanned for secrets in chunks, not analysed whole (and listed in skippedFiles). */
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;
const PROGRESS_EVERY = 1000;

/** Resource id of the tree: `local:.` for the current directory, `local:<path>` otherwise. */
export function repositoryIdFor(path: string): string {
  const normalised = path.replace(/\\/g, '/').replace(/(.)\/+$/, '$1').replace(/^\.\/(?=.)/, '');
  return `local:${normalised === '' ? '.' : normalised}`;
}

export class LocalAdapter implements ProviderAdapter {
  readonly name = 'local' as const;
  readonly target: string;

  constructor(
    private readonly root: string,
    private readonly displayPath: string,
    private readonly options: LocalProviderOptions,
    private readonly git?: GitRunner,
  ) {
    this.target = displayPath;
  }

  async collect(ctx: CollectContext): Promise<CollectResult> {
    const started = Date.now();
    const diagnostics: Diagnostic[] = [];
    const maxFileBytes = this.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    ctx.progress.update(`local: listing files in ${this.displayPath}`);
    const list = await listFiles(this.root, this.git);
    if (list.note) ctx.debug(`local: ${list.note}; walked ${list.paths.length} files honouring .gitignore`);
    // Inside git, paths and ids are relative to the repository's top (a subdirectory is a part
    // of it), not to where secpol was started: SARIF locations, fingerprints and waivers must
    // not change with the working directory or the directory checked.
    const base = list.top ?? this.root;
    const scope = (list.prefix ?? '').replace(/\/$/, '');
    const repoId = repositoryIdFor(scope || '.');
    const ids: ResourceIds = { provider: 'local', idPrefix: 'local:', repository: repoId };
    const listed = new Set(list.paths);
    // Files outside the checked directory that pipelines may include (GitLab `include: local` is root-relative).
    const includable = new Set(list.repositoryPaths ?? list.paths);
    const untracked = new Set(list.untracked);
    if (untracked.size > 0) {
      // Say what was scanned: the working tree, not only what is committed.
      const names = list.untracked.slice(0, 10).join(', ') + (untracked.size > 10 ? ` and ${untracked.size - 10} more` : '');
      diagnostics.push({ severity: 'warning', message: `local: scanned the working tree: ${plural(untracked.size, 'untracked file not yet committed is', 'untracked files not yet committed are')} included (${names}); ignored files are not` });
    }

    const reader = new SafeReader(base, maxFileBytes);
    // Found values go to the redactor too: defence in depth should any message ever quote a line.
    const scanner = new SecretScanner(this.options.allowlist, (value) => ctx.redactor.add(value));
    const skippedFiles: NonNullable<Repository['skippedFiles']> = [];
    const skipReason = new Map<string, string>();
    const unscannedFiles: NonNullable<Repository['unscannedFiles']> = [];
    const secretFindings: SecretFinding[] = [];
    const keep = new Map<string, string>();
    let hasIac = false;
    const azureByContent = new Set<string>();
    let bytesScanned = 0;
    let filesScanned = 0;

    for (let i = 0; i < list.paths.length; i++) {
      const path = list.paths[i]!;
      if (i % PROGRESS_EVERY === 0) {
        if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error('aborted');
        if (i > 0) ctx.progress.update(`local: scanned ${i}/${list.paths.length} files`);
        // Let timers, progress and abort signals through during long scans.
        await new Promise((r) => setImmediate(r));
      }
      const scanned = await scanFile(reader, scanner, path);
      for (const f of scanned.findings) secretFindings.push(f);
      bytesScanned += scanned.bytes;
      if (scanned.skipped !== undefined) {
        skippedFiles.push({ path, reason: scanned.skipped });
        skipReason.set(path, scanned.skipped);
      }
      if (scanned.unscanned !== undefined) unscannedFiles.push({ path, reason: scanned.unscanned });
      if (scanned.text === undefined) continue;
      filesScanned++;
      const text = scanned.text;
      const byName = pipelinePlatformOf(path) !== undefined;
      if (!byName && looksLikeAzurePipeline(path, text)) azureByContent.add(path);
      const wanted = byName || azureByContent.has(path) || isComposePath(path) || isDockerfilePath(path) || path === '.gitignore';
      if (wanted) keep.set(path, text);
      // Kubernetes YAML under test fixtures or docs is an example, not infrastructure this repository runs.
      if (!hasIac && contextOf(path) === 'code' && (isIacPath(path) || (/\.(ya?ml|json)$/.test(path) && isIacContent(path, text)))) hasIac = true;
    }

    // Pipelines may include other repository files (GitLab `include: local`, Azure templates).
    const readFile = async (p: string): Promise<string | undefined> => {
      if (keep.has(p)) return keep.get(p);
      if (!includable.has(p)) return undefined;
      const r = reader.read(p);
      return r.ok ? decodeText(r.data)?.text : undefined;
    };

    const { platformOf, extraDockerfiles } = discover(keep, azureByContent, listed);

    const pipelines: Pipeline[] = [];
    const images: ContainerImage[] = [];
    for (const path of list.paths) {
      const platform = platformOf(path);
      const dockerfile = isDockerfilePath(path) || extraDockerfiles.has(path);
      if (!platform && !dockerfile) continue;
      const text = keep.get(path) ?? (extraDockerfiles.has(path) ? await readFile(path) : undefined);
      const skipped = skipReason.get(path);
      // One file the analysers choke on must not take the others down with it.
      if (platform) {
        const skeleton = skeletonPipeline(path, platform, ids);
        pipelines.push(text !== undefined ? await analysePipelineFile({ path, text }, ids, readFile, platform).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, skipped));
      } else {
        const skeleton = skeletonImage(path, ids);
        images.push(text !== undefined ? await analyseDockerfile({ path, text }, ids).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, skipped));
      }
    }

    applyCiImageLabels(images, pipelines);

    // A part of a monorepo is built by the repository's pipelines, which sit outside the checked
    // directory (`.github/workflows`, `.gitlab-ci.yml` at the top): they decide the CI scan facts
    // of this part too, though they are reported as resources only when the top is checked.
    const outerPipelines: Pipeline[] = [];
    if (scope) {
      for (const path of includable) {
        const platform = listed.has(path) ? undefined : pipelinePlatformOf(path);
        if (!platform) continue;
        const text = await readFile(path);
        const skeleton = skeletonPipeline(path, platform, ids);
        outerPipelines.push(text !== undefined ? await analysePipelineFile({ path, text }, ids, readFile, platform).catch((err) => failed(skeleton, path, err)) : unreadable(skeleton, path, 'unreadable'));
      }
    }
    const buildPipelines = [...pipelines, ...outerPipelines];

    const repository: Repository = {
      id: repoId,
      kind: 'repository',
      provider: 'local',
      name: scope ? `${basename(base)}/${scope}` : basename(this.root) || this.displayPath,
      // A monorepo's security policy and code owners sit at the top, whichever part is checked.
      securityPolicy: hasSecurityPolicy(list.repositoryPaths ?? list.paths),
      codeowners: hasCodeowners(list.repositoryPaths ?? list.paths),
      envFilesCommitted: envFiles(list.paths.filter((p) => !untracked.has(p))),
      envFilesPresent: envFiles(list.paths).length > 0,
      secretFindings,
      skippedFiles,
      unscannedFiles,
      buildsImages: images.length > 0,
      hasIac,
      ciScans: summariseCiScans(buildPipelines),
      pipelineFiles: buildPipelines.map((p) => p.path ?? p.name),
    };
    const gaps: Gaps = ciScanGaps(buildPipelines);
    // The top's .gitignore, also when a subdirectory is checked (it is then outside the listing).
    const rootGitignore = keep.get('.gitignore') ?? (scope && includable.has('.gitignore') ? await readFile('.gitignore') : undefined);
    const envIgnored = envIgnoredBy(rootGitignore);
    if (envIgnored !== undefined) repository.envIgnored = envIgnored;
    else gaps.envIgnored = { reason: 'error', message: `.gitignore is larger than the ${formatBytes(LIMITS.gitignore)} limit: not evaluated` };
    if (includable.has('.gitignore') && rootGitignore === undefined) {
      delete repository.envIgnored;
      gaps.envIgnored = { reason: 'error', message: `.gitignore could not be read: ${skipReason.get('.gitignore') ?? 'unreadable'}` };
    }
    if (unscannedFiles.length > 0) {
      // Unknown is never false: a file that could hold a secret and was not read leaves the scan open.
      const shown = unscannedFiles.slice(0, 10).map((f) => `${f.path} (${f.reason})`).join(', ');
      const more = unscannedFiles.length > 10 ? ` and ${unscannedFiles.length - 10} more (see unscannedFiles)` : '';
      if (secretFindings.length === 0) {
        delete repository.secretFindings;
        gaps.secretFindings = { reason: 'error', message: `${plural(unscannedFiles.length, 'file that could hold text was', 'files that could hold text were')} not scanned: ${shown}${more}` };
      }
      diagnostics.push({ severity: 'warning', message: `local: ${plural(unscannedFiles.length, 'file', 'files')} could not be read for the secret scan: ${shown}${more}` });
    }
    if (Object.keys(gaps).length > 0) repository.gaps = gaps;
    const passedOver = skippedFiles.length - unscannedFiles.length;
    if (passedOver > 0) {
      diagnostics.push({
        severity: 'warning',
        verdict: true,
        message: `local: ${plural(passedOver, 'file', 'files')} not scanned as text (binary, large, symlink or not regular); \`secpol check --verbose\` lists them`,
      });
      for (const skipped of skippedFiles) ctx.debug(`local: not scanned: ${JSON.stringify(skipped)}`);
    }

    const resources: Resource[] = [repository, ...pipelines, ...images];
    return {
      resources,
      diagnostics,
      scanned: scopeLabel(this.displayPath, list.top, scope),
      stats: {
        localSource: list.source,
        localFilesListed: list.paths.length,
        localFilesUntracked: untracked.size,
        localFilesScanned: filesScanned,
        localFilesSkipped: skippedFiles.length,
        localBytesScanned: bytesScanned,
        localPrefilterHits: scanner.stats.prefilterHits,
        localSecretsAllowlisted: scanner.stats.allowlisted,
        localSecretsRejected: scanner.stats.rejected,
        localDurationMs: Date.now() - started,
      },
    };
  }
}

/** The run's "scanned" line: `services/api of repository at /x (working tree)`, or the path as given outside git. */
function scopeLabel(displayPath: string, top: string | undefined, scope: string): string {
  if (top === undefined) return displayPath;
  return `${scope ? `${scope} of ` : ''}repository at ${top} (working tree)`;
}

/**
 * Which files are pipelines and Dockerfiles beyond the known names: Azure Pipelines files
 * recognised by shape (minus those another pipeline includes as a `template:`), and the
 * Dockerfiles named by compose files and `docker build -f` lines.
 */
function discover(keep: Map<string, string>, azureByContent: Set<string>, listed: Set<string>): { platformOf: (path: string) => Pipeline['platform'] | undefined; extraDockerfiles: Set<string> } {
  const templates = new Set<string>();
  for (const [path, text] of keep) {
    if (azureByContent.has(path) || pipelinePlatformOf(path) === 'azure-pipelines') for (const t of azureTemplateRefs(path, text)) templates.add(t);
  }
  const azure = new Set([...azureByContent].filter((p) => !templates.has(p)));
  const extraDockerfiles = new Set<string>();
  for (const [path, text] of keep) {
    if (!isComposePath(path) && pipelinePlatformOf(path) === undefined && !azure.has(path)) continue;
    for (const ref of referencedDockerfiles(path, text)) if (listed.has(ref) && !isDockerfilePath(ref)) extraDockerfiles.add(ref);
  }
  return { platformOf: (path) => pipelinePlatformOf(path) ?? (azure.has(path) ? 'azure-pipelines' : undefined), extraDockerfiles };
}

function skeletonPipeline(path: string, platform: Pipeline['platform'], ids: ResourceIds): Pipeline {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(':') ? '' : '/'}${path}`,
    kind: 'pipeline',
    provider: ids.provider,
    name: path,
    platform,
    path,
    repository: ids.repository,
    location: { path, line: 1 },
  };
}

function skeletonImage(path: string, ids: ResourceIds): ContainerImage {
  return {
    id: `${ids.idPrefix}${ids.idPrefix.endsWith(':') ? '' : '/'}${path}`,
    kind: 'container-image',
    provider: ids.provider,
    name: path,
    path,
    repository: ids.repository,
    location: { path, line: 1 },
  };
}

function failed<T extends Pipeline | ContainerImage>(resource: T, path: string, err: unknown): T {
  const what = err instanceof RangeError ? 'nested too deeply' : err instanceof Error ? err.name : 'error';
  resource.gaps = { '*': { reason: 'error', message: `${path}: analysis failed (${what})` } };
  return resource;
}

/** A pipeline or Dockerfile we could not read is an error for its rules, never a pass. */
function unreadable<T extends Pipeline | ContainerImage>(resource: T, path: string, reason: string | undefined): T {
  resource.gaps = { '*': { reason: 'error', message: `${path}: not analysed: ${reason ?? 'unreadable'}` } };
  return resource;
}
