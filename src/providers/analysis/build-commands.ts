import { posix } from 'node:path';

/**
 * Image builds in shell scripts, and the OCI labels they set (`docker build --label
 * org.opencontainers.image.source=...`, `docker buildx build`, `podman build`, `buildah bud`,
 * kaniko's executor, `docker buildx bake --set *.labels.org.opencontainers.image.x=...`),
 * and which Dockerfile each builds when the command says so.
 */
export interface ScriptBuild {
  /** Repository-relative Dockerfile; undefined when the command does not tell (or names it through a variable). */
  dockerfile?: string;
  labelKeys: string[];
  via: string;
  /** 0-based line of the command within the script. */
  lineOffset: number;
}

export const OCI_PREFIX = 'org.opencontainers.image.';

const BUILD_COMMAND = /(?:^|[\s;&|(])((?:sudo\s+)?(?:docker|podman)\s+(?:buildx\s+build|image\s+build|build|buildx\s+bake)|buildah\s+(?:bud|build(?:-using-dockerfile)?)|\S*\/kaniko\/executor)\b/;

/** Working-directory prefixes CI systems put before repository paths. */
const WORKSPACE_PREFIX = /^(\$CI_PROJECT_DIR|\$\{CI_PROJECT_DIR\}|\$\(Build\.SourcesDirectory\)|\$\(System\.DefaultWorkingDirectory\)|\$\(Pipeline\.Workspace\)\/s|\$\{\{\s*github\.workspace\s*\}\}|\$GITHUB_WORKSPACE|\$\{GITHUB_WORKSPACE\})(\/|$)/;

/** The builds in a script that set OCI labels. */
export function labelledBuildsInScript(script: string): ScriptBuild[] {
  return buildsInScript(script).filter((b) => b.labelKeys.length > 0);
}

/** Every image build in a script (or a CI file's text), with its labels and its Dockerfile where the command tells. */
export function buildsInScript(script: string): ScriptBuild[] {
  const out: ScriptBuild[] = [];
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // A command continued over several lines with trailing backslashes (shell) or backticks (PowerShell).
    let command = lines[i]!;
    const start = i;
    while (/[\\`]\s*$/.test(command) && i + 1 < lines.length) command = command.replace(/[\\`]\s*$/, ' ') + lines[++i]!;
    const m = BUILD_COMMAND.exec(command);
    if (!m) continue;
    const tool = m[1]!.replace(/^sudo\s+/, '').replace(/\s+/g, ' ');
    const args = tokens(command.slice(m.index + m[0].length));
    const build = parseArgs(tool, args);
    const result: ScriptBuild = { labelKeys: build.labelKeys, via: `${tool.replace(/^\S*\/kaniko\/executor$/, 'kaniko executor')} --label`, lineOffset: start };
    if (build.dockerfile !== undefined) result.dockerfile = build.dockerfile;
    out.push(result);
  }
  return out;
}

function parseArgs(tool: string, args: string[]): { labelKeys: string[]; dockerfile?: string } {
  const keys = new Set<string>();
  let file: string | undefined;
  let context: string | undefined;
  const kaniko = /executor$/.test(tool);
  const bake = /bake$/.test(tool);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^[;&|)]/.test(arg)) break;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--label' || (flag === '-l' && !bake)) {
      const key = labelKey(value());
      if (key) keys.add(key);
    } else if (bake && flag === '--set') {
      const m = /^[^.=]+\.labels\.(org\.opencontainers\.image\.[\w.-]+)=/.exec(value() ?? '');
      if (m) keys.add(m[1]!);
    } else if (flag === '-f' || flag === '--file' || flag === '--dockerfile') {
      file = value();
    } else if (flag === '--context' && kaniko) {
      context = value()?.replace(/^dir:\/\//, '');
    } else if (arg.startsWith('-')) {
      // Options with a separate value: skip it so it is not taken for the context.
      if (inline === undefined && TAKES_VALUE.has(flag) && i + 1 < args.length) i++;
    } else if (context === undefined && !kaniko && !bake) {
      context = arg;
    }
  }
  const out: { labelKeys: string[]; dockerfile?: string } = { labelKeys: [...keys].sort() };
  const dockerfile = bake ? undefined : resolveDockerfile(file, context, kaniko);
  if (dockerfile !== undefined) out.dockerfile = dockerfile;
  return out;
}

const TAKES_VALUE = new Set(['-t', '--tag', '--build-arg', '--target', '--platform', '--cache-from', '--cache-to', '--secret', '--ssh', '--network', '--output', '-o', '--progress', '--builder', '--iidfile', '--metadata-file', '--annotation', '--destination', '-d', '--add-host', '--shm-size', '--ulimit', '--build-context', '--attest', '--provenance', '--sbom']);

function labelKey(label: string | undefined): string | undefined {
  const key = label?.split('=')[0]?.trim();
  return key && key.startsWith(OCI_PREFIX) && key.length > OCI_PREFIX.length ? key : undefined;
}

/**
 * The Dockerfile a build names: `-f` is relative to the working directory (the repository
 * root in CI) for docker, to the context for kaniko; without `-f`, `<context>/Dockerfile`.
 */
export function resolveDockerfile(file: string | undefined, context: string | undefined, fileRelativeToContext = false): string | undefined {
  const ctx = context === undefined ? undefined : repoPath(context);
  if (file !== undefined) {
    if (file === '-') return undefined;
    const f = repoPath(file);
    if (f === undefined) return undefined;
    if (fileRelativeToContext && !WORKSPACE_PREFIX.test(file)) return ctx === undefined ? undefined : normalise(posix.join(ctx, f));
    return f;
  }
  if (ctx === undefined) return undefined;
  return normalise(posix.join(ctx, 'Dockerfile'));
}

/** A repository-relative path, or undefined when it names a URL, a variable or a place outside the repository. */
function repoPath(raw: string): string | undefined {
  const stripped = raw.replace(WORKSPACE_PREFIX, '').replace(/^\.?\//, '') || '.';
  if (/[$`{}]|:\/\//.test(stripped) || posix.isAbsolute(stripped)) return undefined;
  const p = normalise(stripped);
  return p.startsWith('..') ? undefined : p;
}

function normalise(p: string): string {
  const n = posix.normalize(p);
  return n === '.' ? '' : n.replace(/^\.\//, '').replace(/\/$/, '');
}

/** Shell-like words: quotes group, backslash escapes; no expansion. */
function tokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"']+)/g)) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    // `--label="a=b"` arrives as `--label=` followed by the quoted part: join them.
    const last = out[out.length - 1];
    if (last !== undefined && last.endsWith('=') && m.index > 0 && !/\s/.test(text[m.index - 1]!)) out[out.length - 1] = last + word;
    else out.push(word);
  }
  return out;
}
