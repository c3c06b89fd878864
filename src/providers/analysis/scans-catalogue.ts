import type { CiScans } from '../../model/index.js';

/**
 * The security scanners secpol recognises in pipeline files, by category. This list is the
 * documentation (docs/providers/local.md renders it): extend it here, not in the analysers.
 */
export type ScanCategory = keyof CiScans;
export const scanCategories: readonly ScanCategory[] = ['sast', 'dependency', 'container', 'iac', 'secrets'];

export interface Recognised {
  tool: string;
  categories: ScanCategory[];
}

type Inputs = Readonly<Record<string, string>>;

interface ActionScanner {
  /** `owner/repo` or `owner/repo/path` (lowercase), matched as a prefix of the `uses` path. */
  action: string;
  categories: ScanCategory[] | ((inputs: Inputs) => ScanCategory[]);
}

const trivyCategories = (scanType: string | undefined, scanners: string | undefined): ScanCategory[] => {
  const type = (scanType ?? 'image').toLowerCase();
  if (type === 'config') return ['iac'];
  const enabled = (scanners ?? (type === 'image' ? 'vuln,secret' : 'vuln,secret')).toLowerCase();
  const cats: ScanCategory[] = [];
  if (type === 'image') cats.push('container');
  else if (enabled.includes('vuln')) cats.push('dependency');
  if (enabled.includes('secret')) cats.push('secrets');
  if (enabled.includes('misconfig') || enabled.includes('config')) cats.push('iac');
  return cats;
};

/** GitHub Actions (`uses: owner/repo[/path]@ref`). */
export const githubActionScanners: readonly ActionScanner[] = [
  { action: 'github/codeql-action/analyze', categories: ['sast'] },
  { action: 'github/codeql-action/init', categories: ['sast'] },
  { action: 'returntocorp/semgrep-action', categories: ['sast'] },
  { action: 'semgrep/semgrep-action', categories: ['sast'] },
  { action: 'sonarsource/sonarcloud-github-action', categories: ['sast'] },
  { action: 'sonarsource/sonarqube-scan-action', categories: ['sast'] },
  { action: 'bearer/bearer-action', categories: ['sast'] },
  { action: 'checkmarx/ast-github-action', categories: ['sast', 'dependency'] },
  { action: 'shiftleftsecurity/scan-action', categories: ['sast', 'dependency'] },
  { action: 'snyk/actions/iac', categories: ['iac'] },
  { action: 'snyk/actions/docker', categories: ['container'] },
  {
    action: 'snyk/actions',
    categories: (inputs) => ((inputs.command ?? '').includes('code') ? ['sast'] : ['dependency']),
  },
  {
    action: 'microsoft/security-devops-action',
    categories: (inputs) => msdoCategories(inputs.categories, inputs.tools),
  },
  { action: 'actions/dependency-review-action', categories: ['dependency'] },
  { action: 'google/osv-scanner-action', categories: ['dependency'] },
  { action: 'dependency-check/dependency-check_action', categories: ['dependency'] },
  { action: 'pypa/gh-action-pip-audit', categories: ['dependency'] },
  { action: 'golang/govulncheck-action', categories: ['dependency'] },
  { action: 'actions-rust-lang/audit', categories: ['dependency'] },
  { action: 'rustsec/audit-check', categories: ['dependency'] },
  { action: 'aquasecurity/trivy-action', categories: (inputs) => trivyCategories(inputs['scan-type'], inputs.scanners) },
  {
    action: 'anchore/scan-action',
    categories: (inputs) => (inputs.image ? ['container'] : ['dependency']),
  },
  { action: 'docker/scout-action', categories: ['container'] },
  { action: 'crazy-max/ghaction-container-scan', categories: ['container'] },
  { action: 'azure/container-scan', categories: ['container'] },
  { action: 'sysdiglabs/scan-action', categories: ['container'] },
  { action: 'lacework/lw-scanner-action', categories: ['container'] },
  { action: 'bridgecrewio/checkov-action', categories: ['iac'] },
  { action: 'aquasecurity/tfsec-action', categories: ['iac'] },
  { action: 'aquasecurity/tfsec-sarif-action', categories: ['iac'] },
  { action: 'aquasecurity/tfsec-pr-commenter-action', categories: ['iac'] },
  { action: 'tenable/terrascan-action', categories: ['iac'] },
  { action: 'accurics/terrascan-action', categories: ['iac'] },
  { action: 'checkmarx/kics-github-action', categories: ['iac'] },
  { action: 'stackrox/kube-linter-action', categories: ['iac'] },
  { action: 'gitleaks/gitleaks-action', categories: ['secrets'] },
  { action: 'zricethezav/gitleaks-action', categories: ['secrets'] },
  { action: 'trufflesecurity/trufflehog', categories: ['secrets'] },
  { action: 'gitguardian/ggshield-action', categories: ['secrets'] },
  { action: 'gitguardian/ggshield/actions/secret', categories: ['secrets'] },
  { action: 'secretlint/secretlint-action', categories: ['secrets'] },
];

function msdoCategories(categories: string | undefined, tools: string | undefined): ScanCategory[] {
  const out = new Set<ScanCategory>();
  const cats = (categories ?? '').toLowerCase();
  const toolList = (tools ?? '').toLowerCase();
  if (!cats && !toolList) return ['sast', 'iac', 'container'];
  if (cats.includes('code') || /bandit|eslint|binskim/.test(toolList)) out.add('sast');
  if (cats.includes('iac') || /checkov|terrascan|templateanalyzer/.test(toolList)) out.add('iac');
  if (cats.includes('containers') || /trivy/.test(toolList)) out.add('container');
  if (cats.includes('secrets')) out.add('secrets');
  return [...out];
}

export function recogniseAction(uses: string, inputs: Inputs): Recognised | undefined {
  const path = uses.split('@')[0]!.toLowerCase();
  for (const s of githubActionScanners) {
    if (path === s.action || path.startsWith(`${s.action}/`)) {
      const categories = typeof s.categories === 'function' ? s.categories(inputs) : s.categories;
      return { tool: path, categories };
    }
  }
  return undefined;
}

/** GitLab CI templates (`include: template:`), matched on the file name. */
export const gitlabTemplateScanners: readonly { template: RegExp; tool: string; categories: ScanCategory[] }[] = [
  { template: /^(Security|Jobs)\/SAST\.(latest\.)?gitlab-ci\.yml$/, tool: 'SAST.gitlab-ci.yml', categories: ['sast'] },
  { template: /^(Security|Jobs)\/SAST-IaC\.(latest\.)?gitlab-ci\.yml$/, tool: 'SAST-IaC.gitlab-ci.yml', categories: ['iac'] },
  {
    template: /^(Security|Jobs)\/Dependency-Scanning\.(latest\.|v2\.)?gitlab-ci\.yml$/,
    tool: 'Dependency-Scanning.gitlab-ci.yml',
    categories: ['dependency'],
  },
  {
    template: /^(Security|Jobs)\/Container-Scanning\.(latest\.)?gitlab-ci\.yml$/,
    tool: 'Container-Scanning.gitlab-ci.yml',
    categories: ['container'],
  },
  {
    template: /^(Security|Jobs)\/Secret-Detection\.(latest\.)?gitlab-ci\.yml$/,
    tool: 'Secret-Detection.gitlab-ci.yml',
    categories: ['secrets'],
  },
  {
    template: /^Auto-DevOps\.gitlab-ci\.yml$/,
    tool: 'Auto-DevOps.gitlab-ci.yml',
    categories: ['sast', 'dependency', 'container', 'iac', 'secrets'],
  },
];

/** GitLab CI/CD components (`include: component: <host>/components/<name>/<name>@v`). */
export const gitlabComponentScanners: readonly { component: RegExp; categories: ScanCategory[] }[] = [
  { component: /\/components\/sast\/(sast|iac-sast)@/, categories: ['sast'] },
  { component: /\/components\/sast\/iac-sast@/, categories: ['iac'] },
  { component: /\/components\/secret-detection\//, categories: ['secrets'] },
  { component: /\/components\/dependency-scanning\//, categories: ['dependency'] },
  { component: /\/components\/container-scanning\//, categories: ['container'] },
];

/**
 * The jobs GitLab's security templates and components define, by category. A repository that
 * redefines one of them with its own `rules:` replaces the template's rules, and with them
 * the `*_DISABLED` variable check, so that variable no longer switches the job off.
 */
export const gitlabScannerJobs: Readonly<Record<ScanCategory, RegExp>> = {
  sast: /^(sast|(?!(kics-)?iac-sast$)[a-z0-9-]+-sast)$/,
  iac: /^(iac-sast|kics-iac-sast)$/,
  dependency: /^(dependency[-_]scanning|gemnasium(-maven|-python)?-dependency[-_]scanning)$/,
  container: /^container[-_]scanning$/,
  secrets: /^secret[-_]detection$/,
};

/** GitLab variables that switch an included scanner off. */
export const gitlabDisableVariables: Readonly<Record<string, ScanCategory>> = {
  SAST_DISABLED: 'sast',
  DEPENDENCY_SCANNING_DISABLED: 'dependency',
  CONTAINER_SCANNING_DISABLED: 'container',
  SECRET_DETECTION_DISABLED: 'secrets',
};

/** Azure Pipelines tasks (`task: Name@N`), matched on the lowercase name. */
export const azureTaskScanners: readonly {
  task: string;
  categories: ScanCategory[] | ((inputs: Inputs) => ScanCategory[]);
}[] = [
  { task: 'advancedsecurity-codeql-analyze', categories: ['sast'] },
  { task: 'advancedsecurity-codeql-init', categories: ['sast'] },
  // Microsoft's 1ES CodeQL tasks, common in eng/ci pipelines.
  { task: 'codeql3000init', categories: ['sast'] },
  { task: 'codeql3000finalize', categories: ['sast'] },
  { task: 'advancedsecurity-dependency-scanning', categories: ['dependency'] },
  { task: 'microsoftsecuritydevops', categories: (inputs) => msdoCategories(inputs.categories, inputs.tools) },
  { task: 'credscan', categories: ['secrets'] },
  { task: 'sonarqubeanalyze', categories: ['sast'] },
  { task: 'sonarcloudanalyze', categories: ['sast'] },
  {
    task: 'snyksecurityscan',
    categories: (inputs) =>
      (inputs.testType ?? '').toLowerCase() === 'code'
        ? ['sast']
        : (inputs.testType ?? '').toLowerCase() === 'container' || inputs.dockerImageName
          ? ['container']
          : ['dependency'],
  },
  { task: 'whitesource', categories: ['dependency'] },
  { task: 'mend', categories: ['dependency'] },
  { task: 'dependency-check-build-task', categories: ['dependency'] },
  { task: 'checkmarx ast', categories: ['sast'] },
  { task: 'trivy', categories: ['container'] },
  { task: 'checkov', categories: ['iac'] },
];

export function recogniseAzureTask(task: string, inputs: Inputs): Recognised | undefined {
  const name = task.split('@')[0]!.trim().toLowerCase();
  for (const s of azureTaskScanners) {
    if (name === s.task) {
      return { tool: task.split('@')[0]!.trim(), categories: typeof s.categories === 'function' ? s.categories(inputs) : s.categories };
    }
  }
  return undefined;
}

/** Scanner command lines in `run:` / `script:` / Azure script steps. */
export const commandScanners: readonly { pattern: RegExp; tool: string; categories: ScanCategory[] }[] = [
  { pattern: /\bcodeql\s+database\s+analyze\b/, tool: 'codeql', categories: ['sast'] },
  { pattern: /\bsemgrep\s+(scan|ci|--config)\b/, tool: 'semgrep', categories: ['sast'] },
  { pattern: /\bbandit\s+-r\b/, tool: 'bandit', categories: ['sast'] },
  { pattern: /\bgosec\s/, tool: 'gosec', categories: ['sast'] },
  { pattern: /\bbrakeman\b/, tool: 'brakeman', categories: ['sast'] },
  { pattern: /\bsonar-scanner\b/, tool: 'sonar-scanner', categories: ['sast'] },
  { pattern: /\bsnyk\s+code\s+test\b/, tool: 'snyk code', categories: ['sast'] },
  { pattern: /\bsnyk\s+container\s+test\b/, tool: 'snyk container', categories: ['container'] },
  { pattern: /\bsnyk\s+iac\s+test\b/, tool: 'snyk iac', categories: ['iac'] },
  { pattern: /\bsnyk\s+test\b/, tool: 'snyk', categories: ['dependency'] },
  { pattern: /\b(npm|pnpm|yarn)\s+audit\b/, tool: 'npm audit', categories: ['dependency'] },
  { pattern: /\bpip-audit\b/, tool: 'pip-audit', categories: ['dependency'] },
  { pattern: /\bsafety\s+(check|scan)\b/, tool: 'safety', categories: ['dependency'] },
  { pattern: /\bosv-scanner\b/, tool: 'osv-scanner', categories: ['dependency'] },
  { pattern: /\bgovulncheck\b/, tool: 'govulncheck', categories: ['dependency'] },
  { pattern: /\bcargo\s+(audit|deny)\b/, tool: 'cargo audit', categories: ['dependency'] },
  { pattern: /\bbundle(r-audit|\s+audit)\b/, tool: 'bundler-audit', categories: ['dependency'] },
  { pattern: /\bdependency-check(\.sh)?\s/, tool: 'dependency-check', categories: ['dependency'] },
  { pattern: /\btrivy\s+(image|i)\s/, tool: 'trivy image', categories: ['container'] },
  { pattern: /\btrivy\s+(fs|filesystem|repo|repository|rootfs)\b/, tool: 'trivy fs', categories: ['dependency', 'secrets'] },
  { pattern: /\btrivy\s+(config|conf)\b/, tool: 'trivy config', categories: ['iac'] },
  { pattern: /\bgrype\s+(dir:|\.)/, tool: 'grype', categories: ['dependency'] },
  { pattern: /\bgrype\s+(?!dir:|\.)\S/, tool: 'grype', categories: ['container'] },
  { pattern: /\bdocker\s+scout\s+(cves|quickview|recommendations)\b/, tool: 'docker scout', categories: ['container'] },
  { pattern: /\bcheckov\b/, tool: 'checkov', categories: ['iac'] },
  { pattern: /\btfsec\b/, tool: 'tfsec', categories: ['iac'] },
  { pattern: /\bterrascan\s+scan\b/, tool: 'terrascan', categories: ['iac'] },
  { pattern: /\bkics\s+scan\b/, tool: 'kics', categories: ['iac'] },
  { pattern: /\bkube-linter\s+lint\b/, tool: 'kube-linter', categories: ['iac'] },
  { pattern: /\bgitleaks\s+(detect|protect|git|dir)\b/, tool: 'gitleaks', categories: ['secrets'] },
  { pattern: /\btrufflehog\s+(git|filesystem|github)\b/, tool: 'trufflehog', categories: ['secrets'] },
  { pattern: /\bggshield\s+secret\s+scan\b/, tool: 'ggshield', categories: ['secrets'] },
  { pattern: /\bsecretlint\b/, tool: 'secretlint', categories: ['secrets'] },
  { pattern: /\bdetect-secrets\s+(scan|audit)\b/, tool: 'detect-secrets', categories: ['secrets'] },
];

export function recogniseCommands(script: string): Recognised[] {
  const out: Recognised[] = [];
  for (const c of commandScanners) if (c.pattern.test(script)) out.push({ tool: c.tool, categories: c.categories });
  return out;
}

/** Accumulates recognised scanners for one pipeline. */
export class ScanTally {
  readonly found = new Set<ScanCategory>();
  readonly tools = new Set<string>();
  add(r: Recognised | undefined): void {
    if (!r) return;
    this.tools.add(r.tool);
    for (const c of r.categories) this.found.add(c);
  }
  remove(category: ScanCategory): void {
    this.found.delete(category);
  }
  /** Every category: true when found, false otherwise (or absent when `unknown` says so). */
  scans(unknown: ReadonlySet<ScanCategory> = new Set()): CiScans {
    const out: CiScans = {};
    for (const c of scanCategories) {
      if (this.found.has(c)) out[c] = true;
      else if (!unknown.has(c)) out[c] = false;
    }
    return out;
  }
}
