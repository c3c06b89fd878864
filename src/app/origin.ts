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
