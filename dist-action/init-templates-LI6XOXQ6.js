import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  packageRoot
} from "./chunk-3S753M6K.js";
import "./chunk-W373M6OA.js";

// src/app/init-templates.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
var starterConfig = `# secpol configuration: https://github.com/secpol/secpol/blob/main/docs/configuration.md
failOn: high

# Extra policy files or directories, added to the built-in pack.
policies: []

# Per-rule overrides, keyed by rule id.
rules:
  branch.min-approvals:
    params:
      minApprovals: 1

# Accepted risks. Every waiver needs a reason and an expiry date.
waivers: []
#  - rule: branch.signed-commits
#    resource: "local:."
#    reason: Signing is being rolled out (SEC-123)
#    expires: 2027-03-31
#    approvedBy: security-team
`;
var SECPOL_REPOSITORY = "secpol/secpol";
function ciJob(platform, version, actionRef) {
  const tag = `v${version}`;
  switch (platform) {
    case "github":
      return { path: ".github/workflows/secpol.yml", text: githubWorkflow(tag, actionRef), next: "commit it; findings show as annotations, in the job summary and in code scanning" };
    case "gitlab":
      return {
        path: "ci/secpol.gitlab-ci.yml",
        text: pinTemplate("secpol.yml", tag),
        next: "add to .gitlab-ci.yml:  include: [{ local: ci/secpol.gitlab-ci.yml }]"
      };
    case "azure-devops":
      return {
        path: "ci/secpol.azure-pipelines.yml",
        text: pinTemplate("azure-pipelines.yml", tag),
        next: "add to the steps of azure-pipelines.yml:  - template: ci/secpol.azure-pipelines.yml"
      };
  }
}
function githubWorkflow(tag, actionRef) {
  const action = actionRef ? `${SECPOL_REPOSITORY}@${actionRef} # ${tag}` : `${SECPOL_REPOSITORY}@${tag} # pin to the tag's commit SHA: git ls-remote https://github.com/${SECPOL_REPOSITORY} refs/tags/${tag}`;
  return `name: secpol
on:
  push:
    branches: [main]
  pull_request:
permissions:
  contents: read
jobs:
  secpol:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      security-events: write
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
        with:
          persist-credentials: false
      # Annotations, the job summary and secpol.sarif; the step fails on findings at or above fail-on.
      - uses: ${action}
        with:
          fail-on: high
      - uses: github/codeql-action/upload-sarif@ce28f5bb42b7a9f2c824e633a3f6ee835bab6858 # v3.29.0
        if: always()
        with:
          sarif_file: secpol.sarif
          category: secpol
`;
}
var VERSION_DEFAULT = /default: v[0-9A-Za-z.+-]+ # pinned: secpol release/;
function pinTemplate(file, tag) {
  const text = readFileSync(join(packageRoot(), "templates", file), "utf8");
  if (!VERSION_DEFAULT.test(text)) throw new Error(`templates/${file} has no pinned version default`);
  return text.replace(VERSION_DEFAULT, `default: ${tag} # pinned: secpol release`);
}
function ciFilesPlatforms(root) {
  const found = [];
  const workflows = join(root, ".github", "workflows");
  if (existsSync(workflows) && readdirSync(workflows).some((f) => /\.ya?ml$/.test(f))) found.push("github");
  if (existsSync(join(root, ".gitlab-ci.yml"))) found.push("gitlab");
  if (existsSync(join(root, "azure-pipelines.yml")) || existsSync(join(root, ".azure-pipelines"))) found.push("azure-devops");
  return found;
}
function platformFromHostName(url) {
  const host = /^[^@/]+@([^:/]+):/.exec(url)?.[1] ?? safeHost(url);
  if (!host) return void 0;
  const labels = host.toLowerCase().split(".");
  if (labels.some((l) => l === "gitlab" || l.startsWith("gitlab-"))) return "gitlab";
  if (labels.some((l) => l === "github" || l.startsWith("github-"))) return "github";
  if (labels.some((l) => l === "azure" || l === "tfs" || l === "ado")) return "azure-devops";
  return void 0;
}
function safeHost(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return void 0;
  }
}
export {
  SECPOL_REPOSITORY,
  ciFilesPlatforms,
  ciJob,
  platformFromHostName,
  starterConfig
};
