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

// src/providers/gitlab/meta.ts
var meta = {
  name: "gitlab",
  summary: "GitLab (gitlab.com or self-managed): a group and its subgroups, named projects, or the project origin points to",
  kinds: ["organization", "repository", "pipeline", "container-image", "secret", "token", "environment"],
  options: [{ flags: "--gitlab-group <group>", description: "scan a GitLab group and its subgroups", configKey: "gitlabGroup" }],
  configTargets: { gitlabGroup: external_exports.string().min(1, "must not be empty") },
  env: { credentials: ["GITLAB_TOKEN"], endpoints: ["CI_SERVER_URL", "GITLAB_URL"] },
  filtersRepositories: true,
  isTargeted: (targets) => typeof targets.options.gitlabGroup === "string",
  hasCredential: (env) => !!env.GITLAB_TOKEN,
  recognizesOrigin: (url, env) => remoteHostIs(url, env, ["gitlab.com"], ["CI_SERVER_URL", "GITLAB_URL"])
};

export {
  meta
};
