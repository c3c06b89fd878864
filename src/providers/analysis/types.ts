/**
 * Shared input types of the file analysers (re-exported from index.ts).
 */
export interface FileInput {
  /** Repository-relative path with forward slashes. */
  path: string;
  text: string;
}

export interface ResourceIds {
  /** `local`, `github`, `gitlab`, `azure-devops`. */
  provider: string;
  /** Prefix for resource ids, e.g. `github:acme/api` -> ids `github:acme/api/.github/workflows/ci.yml`; `local:` for the local tree. */
  idPrefix: string;
  /** Id of the repository resource the file belongs to. */
  repository?: string;
}

/** Reads another repository file (for GitLab `include: local`); undefined when absent. */
export type ReadFile = (path: string) => Promise<string | undefined>;
