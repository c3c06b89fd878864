import type { ChangeCounts, Framework, Report, Result, RunDiff, StatusChange } from '../model/index.js';
import { frameworks } from '../model/index.js';

type Key = string;
const keyOf = (r: Result): Key => `${r.ruleId}\u0000${r.resource.id}`;
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares two runs' results pair by pair (rule, resource). */
export function diffRuns(oldRun: { report: Report; file: string }, newRun: { report: Report; file: string }): RunDiff {
  const before = new Map<Key, Result>(oldRun.report.results.map((r) => [keyOf(r), r]));
  const after = new Map<Key, Result>(newRun.report.results.map((r) => [keyOf(r), r]));
  const newlyFailing: StatusChange[] = [];
  const newlyPassing: StatusChange[] = [];
  const newErrors: StatusChange[] = [];
  for (const [key, now] of after) {
    const was = before.get(key);
    if (now.status === 'fail' && was?.status !== 'fail') newlyFailing.push(change(now, was));
    if (now.status === 'error' && was?.status !== 'error') newErrors.push(change(now, was));
    if (now.status === 'pass' && (was?.status === 'fail' || was?.status === 'error')) newlyPassing.push(change(now, was));
  }
  const resources = (report: Report) => new Map(report.results.map((r) => [r.resource.id, r.resource]));
  const oldResources = resources(oldRun.report);
  const newResources = resources(newRun.report);
  const added = [...newResources.values()].filter((r) => !oldResources.has(r.id));
  const removed = [...oldResources.values()].filter((r) => !newResources.has(r.id));

  const rules = new Map<string, RunDiff['byRule'][number]>();
  const controls = new Map<string, RunDiff['byControl'][number]>();
  const count = (list: StatusChange[], field: keyof ChangeCounts, lookup: Map<Key, Result>) => {
    for (const c of list) {
      const rule = rules.get(c.ruleId) ?? { ruleId: c.ruleId, title: c.title, severity: c.severity, newlyFailing: 0, newlyPassing: 0, newErrors: 0 };
      rule[field]++;
      rules.set(c.ruleId, rule);
      const result = lookup.get(`${c.ruleId}\u0000${c.resource.id}`);
      for (const fw of frameworks) {
        for (const control of result?.controls[fw] ?? []) {
          const k = `${fw}\u0000${control}`;
          const entry = controls.get(k) ?? { framework: fw as Framework, control, newlyFailing: 0, newlyPassing: 0, newErrors: 0 };
          entry[field]++;
          controls.set(k, entry);
        }
      }
    }
  };
  count(newlyFailing, 'newlyFailing', after);
  count(newlyPassing, 'newlyPassing', after);
  count(newErrors, 'newErrors', after);

  const order = (a: StatusChange, b: StatusChange) => byText(a.ruleId, b.ruleId) || byText(a.resource.id, b.resource.id);
  return {
    old: { file: oldRun.file, startedAt: oldRun.report.startedAt },
    new: { file: newRun.file, startedAt: newRun.report.startedAt },
    failOn: newRun.report.failOn,
    newlyFailing: newlyFailing.sort(order),
    newlyPassing: newlyPassing.sort(order),
    newErrors: newErrors.sort(order),
    resourcesAdded: added.sort((a, b) => byText(a.id, b.id)),
    resourcesRemoved: removed.sort((a, b) => byText(a.id, b.id)),
    byRule: [...rules.values()].sort((a, b) => byText(a.ruleId, b.ruleId)),
    byControl: [...controls.values()].sort((a, b) => byText(a.framework, b.framework) || a.control.localeCompare(b.control, 'en', { numeric: true })),
  };
}

function change(now: Result, was: Result | undefined): StatusChange {
  return {
    ruleId: now.ruleId,
    title: now.title,
    severity: now.severity,
    resource: now.resource,
    ...(was ? { from: was.status } : {}),
    to: now.status,
    message: now.message,
  };
}
