import type { Rule, RuleMeta } from '../model/index.js';

/** A rule's report metadata (for the report's `rules`, SARIF `rules` and docs links). */
export function ruleMeta(rule: Rule): RuleMeta {
  const meta: RuleMeta = {
    id: rule.id,
    policyId: rule.policyId,
    title: rule.title,
    severity: rule.severity,
    kind: rule.kind,
    controls: rule.controls,
    tags: rule.tags,
    source: { file: rule.source.file, line: rule.source.line, column: rule.source.column },
  };
  if (rule.description !== undefined) meta.description = rule.description;
  if (rule.remediation !== undefined) meta.remediation = rule.remediation;
  if (rule.helpUri !== undefined) meta.helpUri = rule.helpUri;
  return meta;
}
