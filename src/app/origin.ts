import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The `origin` remote of the git checkout at `path`, or undefined outside git. Credentials in it are stripped. */
export async function gitOriginUrl(path: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync('git', ['-C', path, 'config', '--get', 'remote.origin.url'], { timeout: 5000 });
    const url = stdout.trim();
    return url ? stripCredentials(url) : undefined;
  } catch {
    return undefined;
  }
}

export function stripCredentials(url: string): string {
  return url.replace(/^(\w+:\/\/)[^/@]*@/, '$1');
}

export type OriginPlatform = 'github' | 'gitlab' | 'azure-devops';

/** Recognises the platform of an origin URL from its host (and the configured self-hosted bases). */
export function originPlatform(url: string, env: Readonly<Record<string, string | undefined>>): OriginPlatform | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const hostOfEnv = (name: string) => (env[name] ? hostOf(env[name]!) : undefined);
  if (host === 'github.com' || host === hostOfEnv('GITHUB_SERVER_URL') || host === hostOfEnv('GITHUB_API_URL')) return 'github';
  if (host === 'dev.azure.com' || host.endsWith('.visualstudio.com') || host === 'ssh.dev.azure.com' || host === hostOfEnv('SYSTEM_COLLECTIONURI'))
    return 'azure-devops';
  if (host === 'gitlab.com' || host === hostOfEnv('CI_SERVER_URL') || host === hostOfEnv('GITLAB_URL')) return 'gitlab';
  return undefined;
}

function hostOf(url: string): string | undefined {
  const scp = /^[^@/]+@([^:/]+):/.exec(url); // git@github.com:acme/api.git
  if (scp) return scp[1]!.toLowerCase();
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
