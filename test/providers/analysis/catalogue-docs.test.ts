import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scansCatalogue } from '../../../src/providers/analysis/index.js';

// The documented list of recognised scanners stays in step with the catalogue.
const doc = readFileSync(join(import.meta.dirname, '../../../docs/providers/local.md'), 'utf8').toLowerCase();

describe('docs/providers/local.md lists every recognised scanner', () => {
  it.each(scansCatalogue.githubActionScanners.map((s) => s.action))('action %s', (action) => {
    expect(doc).toContain(`\`${action}`);
  });
  it.each(scansCatalogue.gitlabTemplateScanners.map((s) => s.tool))('GitLab template %s', (tool) => {
    expect(doc).toContain(tool.toLowerCase());
  });
  it.each(scansCatalogue.azureTaskScanners.map((s) => s.task))('Azure task %s', (task) => {
    expect(doc).toContain(task);
  });
  it.each([...new Set(scansCatalogue.commandScanners.map((s) => s.tool))])('command %s', (tool) => {
    expect(doc).toContain(tool.split(' ')[0]!);
  });
});
