import { createRequire as __secpolCreateRequire } from 'node:module';
import { dirname as __secpolDirname } from 'node:path';
import { fileURLToPath as __secpolFileURLToPath } from 'node:url';
const require = __secpolCreateRequire(import.meta.url);
const __filename = __secpolFileURLToPath(import.meta.url);
const __dirname = __secpolDirname(__filename);
import {
  hostOfRemote,
  remoteHostIs
} from "./chunk-336B3YIU.js";
import {
  external_exports
} from "./chunk-RVV4H2YY.js";

// src/providers/azure-devops/meta.ts
var TOKEN_VARS = ["AZURE_DEVOPS_TOKEN", "AZURE_DEVOPS_EXT_PAT", "SYSTEM_ACCESSTOKEN"];
var meta = {
  name: "azure-devops",
  summary: "Azure DevOps: an organization (all projects or one), or the Azure Repos repository origin points to",
  kinds: ["organization", "repository", "pipeline", "container-image", "secret", "token", "environment"],
  options: [
    { flags: "--ado-org <url>", description: "Azure DevOps organization URL (or name)", configKey: "adoOrg" },
    { flags: "--ado-project <name>", description: "Azure DevOps project", configKey: "adoProject" }
  ],
  configTargets: {
    adoOrg: external_exports.url({ error: "must be the organization URL, e.g. https://dev.azure.com/acme" }),
    adoProject: external_exports.string().min(1, "must not be empty")
  },
  env: { credentials: TOKEN_VARS, endpoints: ["SYSTEM_COLLECTIONURI"] },
  filtersRepositories: true,
  // --ado-project alone is a target too: the organization then comes from SYSTEM_COLLECTIONURI.
  isTargeted: (targets) => typeof targets.options.adoOrg === "string" || typeof targets.options.adoProject === "string",
  hasCredential: (env) => TOKEN_VARS.some((name) => !!env[name]),
  recognizesOrigin: (url, env) => remoteHostIs(url, env, ["dev.azure.com", "ssh.dev.azure.com"], ["SYSTEM_COLLECTIONURI"]) || !!hostOfRemote(url)?.endsWith(".visualstudio.com"),
  checkTargets: (config) => config.adoProject !== void 0 && config.adoOrg === void 0 ? [{ key: "adoProject", message: "targets.adoProject needs targets.adoOrg (the organization URL)" }] : []
};

export {
  TOKEN_VARS,
  meta
};
