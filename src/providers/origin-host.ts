type Env = Readonly<Record<string, string | undefined>>;

/** The lower-cased host of a git remote (`https://host/...`, `ssh://git@host:22/...`, `git@host:owner/name`). */
export function hostOfRemote(url: string): string | undefined {
  const scp = /^[^@/]+@([^:/]+):/.exec(url); // git@github.com:acme/api.git
  if (scp) return scp[1]!.toLowerCase();
  try {
    return new URL(url).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether the remote's host is one of `hosts` or the host of one of the URL variables `vars`. */
export function remoteHostIs(url: string, env: Env, hosts: readonly string[], vars: readonly string[]): boolean {
  const host = hostOfRemote(url);
  if (!host) return false;
  if (hosts.includes(host)) return true;
  return vars.some((name) => {
    const value = env[name];
    return !!value && hostOfRemote(value) === host;
  });
}
