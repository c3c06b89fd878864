import type { ChangeCounts, RunDiff, StatusChange } from '../../model/index.js';
import { escapeMarkdown, oneLine, stripControl } from '../escape.js';

export const diffFormats = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof diffFormats)[number];

/** `secpol diff` output: a pure function of the diff. */
export function renderDiff(diff: RunDiff, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(diff, (_key, value: unknown) => (typeof value === 'string' ? stripControl(value) : value), 2)}\n`;
  return format === 'markdown' ? renderMarkdown(diff) : renderText(diff);
}

const t = (s: string): string => oneLine(stripControl(s));
const md = (s: string): string => escapeMarkdown(t(s));

function headline(diff: RunDiff): string {
  return (
    `${diff.newlyFailing.length} newly failing, ${diff.newlyPassing.length} newly passing, ${diff.newErrors.length} new errors; ` +
    `${diff.resourcesAdded.length} resources added, ${diff.resourcesRemoved.length} removed`
  );
}

function transition(c: StatusChange): string {
  return `${c.from ?? 'absent'} -> ${c.to ?? 'absent'}`;
}

function renderText(diff: RunDiff): string {
  const out: string[] = [`secpol diff ${t(diff.old.file)} (${t(diff.old.startedAt)}) -> ${t(diff.new.file)} (${t(diff.new.startedAt)})`, ''];
  const section = (title: string, items: StatusChange[]) => {
    if (items.length === 0) return;
    out.push(`${title} (${items.length})`);
    for (const c of items) out.push(`  ${c.severity.toUpperCase().padEnd(8)} ${t(c.ruleId)}  ${t(c.resource.id)}  [${transition(c)}]  ${t(c.message)}`);
    out.push('');
  };
  section('Newly failing', diff.newlyFailing);
  section('New errors', diff.newErrors);
  section('Newly passing', diff.newlyPassing);
  for (const [title, list] of [
    ['Resources added', diff.resourcesAdded],
    ['Resources removed', diff.resourcesRemoved],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`${title} (${list.length})`, ...list.map((r) => `  ${t(r.id)} (${r.kind})`), '');
  }
  if (diff.byRule.length > 0) {
    out.push('By rule (newly failing / newly passing / new errors)');
    for (const r of diff.byRule) out.push(`  ${t(r.ruleId).padEnd(40)} ${counts(r)}`);
    out.push('');
  }
  if (diff.byControl.length > 0) {
    out.push('By control (newly failing / newly passing / new errors)');
    for (const c of diff.byControl) out.push(`  ${`${c.framework} ${t(c.control)}`.padEnd(40)} ${counts(c)}`);
    out.push('');
  }
  out.push(headline(diff));
  return `${out.join('\n')}\n`;
}

function counts(c: ChangeCounts): string {
  return `+${c.newlyFailing} / -${c.newlyPassing} / ${c.newErrors}`;
}

function renderMarkdown(diff: RunDiff): string {
  const out: string[] = [
    '## secpol: what changed',
    '',
    `${md(diff.old.file)} (${md(diff.old.startedAt)}) → ${md(diff.new.file)} (${md(diff.new.startedAt)})`,
    '',
    `**${md(headline(diff))}**`,
    '',
  ];
  const table = (title: string, items: StatusChange[]) => {
    if (items.length === 0) return;
    out.push(`### ${title} (${items.length})`, '', '| Severity | Rule | Resource | Change | Message |', '| --- | --- | --- | --- | --- |');
    for (const c of items) out.push(`| ${c.severity} | ${md(c.ruleId)} | ${md(c.resource.id)} | ${transition(c)} | ${md(c.message)} |`);
    out.push('');
  };
  table('Newly failing', diff.newlyFailing);
  table('New errors', diff.newErrors);
  table('Newly passing', diff.newlyPassing);
  for (const [title, list] of [
    ['Resources added', diff.resourcesAdded],
    ['Resources removed', diff.resourcesRemoved],
  ] as const) {
    if (list.length === 0) continue;
    out.push(`<details><summary>${title} (${list.length})</summary>`, '', ...list.map((r) => `- ${md(r.id)} (${r.kind})`), '', '</details>', '');
  }
  const countTable = (title: string, first: string, rows: { name: string; c: ChangeCounts }[]) => {
    if (rows.length === 0) return;
    out.push(`### ${title}`, '', `| ${first} | Newly failing | Newly passing | New errors |`, '| --- | ---: | ---: | ---: |');
    for (const { name, c } of rows) out.push(`| ${name} | ${c.newlyFailing} | ${c.newlyPassing} | ${c.newErrors} |`);
    out.push('');
  };
  countTable('By rule', 'Rule', diff.byRule.map((r) => ({ name: md(r.ruleId), c: r })));
  countTable('By control', 'Control', diff.byControl.map((c) => ({ name: `${c.framework} ${md(c.control)}`, c })));
  return `${out.join('\n').trimEnd()}\n`;
}
