import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);

// src/providers/origin-host.ts
function hostOfRemote(url) {
  const scp = /^[^@/]+@([^:/]+):/.exec(url);
  if (scp) return scp[1].toLowerCase();
  try {
    return new URL(url).hostname.toLowerCase() || void 0;
  } catch {
    return void 0;
  }
}
function remoteHostIs(url, env, hosts, vars) {
  const host = hostOfRemote(url);
  if (!host) return false;
  if (hosts.includes(host)) return true;
  return vars.some((name) => {
    const value = env[name];
    return !!value && hostOfRemote(value) === host;
  });
}

export {
  hostOfRemote,
  remoteHostIs
};
