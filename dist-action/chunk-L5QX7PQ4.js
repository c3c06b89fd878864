import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  remoteHostIs
} from "./chunk-336B3YIU.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/providers/github/meta.ts
var credentials = ["GITHUB_TOKEN", "GH_TOKEN", "GITHUB_APP_PRIVATE_KEY"];
var meta = {
  name: "github",
  summary: "GitHub / GitHub Enterprise Server: an organization, named repositories, or the repository origin points to",
  kinds: ["organization", "repository", "pipeline", "container-image", "secret", "token", "environment"],
  options: [{ flags: "--github-org <org>", description: "scan every repository of a GitHub organization", configKey: "githubOrg" }],
  configTargets: { githubOrg: external_exports.string().min(1, "must not be empty") },
  env: { credentials, endpoints: ["GITHUB_API_URL", "GITHUB_GRAPHQL_URL", "GITHUB_SERVER_URL"] },
  filtersRepositories: true,
  // `--repo owner/name` means GitHub unless `--provider` names another platform.
  isTargeted: (targets) => targets.repos.length > 0 || typeof targets.options.githubOrg === "string",
  hasCredential: (env) => credentials.some((name) => !!env[name]),
  recognizesOrigin: (url, env) => remoteHostIs(url, env, ["github.com"], ["GITHUB_SERVER_URL", "GITHUB_API_URL"])
};

export {
  meta
};
