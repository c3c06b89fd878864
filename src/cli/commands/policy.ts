import type { Command } from 'commander';
import type { Rule } from '../../model/index.js';
import { UserError } from '../../shared/errors.js';
import { printDiagnostics } from './common.js';
import { stripControl } from '../../report/escape.js';
import type { Io } from '../io.js';

interface PolicyFlags {
  config?: string;
  policies?: string[];
  builtin?: boolean;
  json?: boolean;
}

function policyOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'config file (overrides apply)')
    .option('--policies <path...>', 'extra policy files or directories')
    .option('--no-builtin', 'without the built-in pack');
}

async function loadRules(io: Io, flags: PolicyFlags, extraPaths: string[] = []) {
  const [{ loadSettings }, { loadPolicySet }] = await Promise.all([import('../../app/settings.js'), import('../../app/policies.js')]);
  const settings = await loadSettings({ config: flags.config, policies: flags.policies, builtin: flags.builtin }, io);
  const set = await loadPolicySet({
    builtin: settings.builtin,
    paths: [...settings.policyPaths, ...extraPaths],
    overrides: settings.overrides,
    waivers: settings.waivers,
    cwd: io.cwd,
  });
  return { rules: set.rules, diagnostics: [...settings.diagnostics, ...set.diagnostics] };
}

export function registerPolicy(program: Command, io: Io, setExit: (code: number) => void): void {
  const policy = program.command('policy').description('list, explain, validate and test policies');

  policyOptions(policy.command('list').description('list the rules in force').option('--json', 'machine-readable')).action(async (flags: PolicyFlags) => {
    const { rules, diagnostics } = await loadRules(io, flags);
    const failed = printDiagnostics(io, diagnostics);
    if (flags.json) {
      io.out(`${JSON.stringify(rules.map((r) => ({ id: r.id, title: r.title, severity: r.severity, kind: r.kind, enabled: r.enabled, controls: r.controls })), null, 2)}\n`);
    } else {
      const width = rules.reduce((max, r) => Math.max(max, r.id.length), 4);
      for (const r of rules) {
        io.out(`${stripControl(r.id).padEnd(width)}  ${r.severity.padEnd(8)}  ${r.kind.padEnd(15)}  ${stripControl(r.title)}${r.enabled ? '' : '  (disabled)'}\n`);
      }
      io.out(`${rules.length} rules\n`);
    }
    setExit(failed ? 2 : 0);
  });

  policyOptions(policy.command('explain').description('show what a rule checks, its params, controls and remediation').argument('<ruleId>')).action(
    async (ruleId: string, flags: PolicyFlags) => {
      const { rules, diagnostics } = await loadRules(io, flags);
      printDiagnostics(io, diagnostics);
      const rule = rules.find((r) => r.id === ruleId);
      if (!rule) {
        const ids = rules.map((r) => r.id);
        const { closest } = await import('../../policy/compile.js');
        const nearest = closest(ruleId, ids);
        // A typo gets the nearest id; a bare name (`min-approvals`) gets the ids that end with it.
        const close = nearest ? [nearest] : ids.filter((id) => id.endsWith(`.${ruleId.split('.').pop() ?? ruleId}`) || id.includes(ruleId)).slice(0, 3);
        throw new UserError(`unknown rule '${stripControl(ruleId)}'${close.length ? `; did you mean ${close.join(', ')}?` : ''}`);
      }
      io.out(explainRule(rule));
      setExit(0);
    },
  );

  policy
    .command('validate')
    .description('check policy files without evaluating them')
    .argument('<paths...>', 'policy files or directories')
    .action(async (paths: string[]) => {
      const { rules, diagnostics } = await loadRules(io, { builtin: false }, paths);
      const failed = printDiagnostics(io, diagnostics);
      if (!failed) io.out(`${rules.length} rules valid\n`);
      setExit(failed ? 2 : 0);
    });

  policy
    .command('test')
    .description("run the policies' examples (pass, fail and unknown cases)")
    .argument('<paths...>', 'policy files or directories')
    .action(async (paths: string[]) => {
      const { rules, diagnostics } = await loadRules(io, { builtin: false }, paths);
      const invalid = printDiagnostics(io, diagnostics);
      const { runExamples } = await import('../../policy/tester.js');
      const outcomes = runExamples(rules);
      let passed = 0;
      let failed = 0;
      for (const o of outcomes) {
        if (o.ok) {
          passed++;
          continue;
        }
        failed++;
        io.out(`FAIL ${stripControl(o.rule)} ${stripControl(o.example)}: expected ${o.expected}, got ${o.actual}${o.message ? ` (${stripControl(o.message)})` : ''}\n    at ${o.at.file}:${o.at.line}:${o.at.column}\n`);
      }
      io.out(`${passed} passed, ${failed} failed\n`);
      setExit(invalid ? 2 : failed > 0 ? 1 : 0);
    });
}

export function explainRule(rule: Rule): string {
  const lines = [
    `${rule.id} — ${rule.title}`,
    `severity: ${rule.severity}   resource: ${rule.kind}   policy: ${rule.policyId}${rule.enabled ? '' : '   (disabled)'}`,
    '',
  ];
  if (rule.description) lines.push(rule.description.trim(), '');
  const params = Object.entries(rule.params);
  if (params.length) lines.push('params:', ...params.map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`), '');
  const controls = Object.entries(rule.controls);
  if (controls.length) lines.push('controls:', ...controls.map(([f, ids]) => `  ${f}: ${(ids ?? []).join(', ')}`), '');
  if (rule.remediation) lines.push('remediation:', ...rule.remediation.trim().split('\n').map((l) => `  ${l}`), '');
  if (rule.helpUri) lines.push(`more: ${rule.helpUri}`);
  lines.push(`defined in ${rule.source.file}:${rule.source.line}:${rule.source.column}`);
  return `${stripControl(lines.join("\n"))}\n`;
}
