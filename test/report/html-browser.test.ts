import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import type { Result } from '../../src/model/index.js';
import { renderHtml } from '../../src/report/index.js';
import { fixtureReport, results as fixtureResults } from './fixture.js';

// The HTML report as a person sees it: headless Chromium (the Debian package; .ci/run installs it)
// lays the page out at 1280 px. Without a browser the suite skips, except in CI (CI=true), where it must run.
const CHROMIUM = [process.env.SECPOL_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
const repoRoot = join(import.meta.dirname, '..', '..');

/** 400 repositories failing a rule whose remediation has lists and code, plus long names and messages. */
function orgReport() {
  const fail = fixtureResults.find((r) => r.ruleId === 'branch.protected') as Result;
  const remediation = readFileSync(join(repoRoot, 'policies/builtin/branch/branch.min-approvals.yaml'), 'utf8').split('remediation: |\n')[1]!.split('\ncontrols:')[0]!.replace(/^ {2}/gm, '');
  const results: Result[] = Array.from({ length: 400 }, (_, i) => ({
    ...fail,
    remediation: `${remediation}\n\`\`\`yaml\nrules:\n  - type: pull_request\n    parameters: { required_approving_review_count: 2, dismiss_stale_reviews_on_push: true }\n\`\`\``,
    message: `Default branch main of acme/service-with-a-rather-long-repository-name-${i} is not protected, so anyone with write access can push to it`,
    resource: { ...fail.resource, id: `github:acme/service-with-a-rather-long-repository-name-${i}`, name: `acme/service-${i}` },
  }));
  return fixtureReport({
    results: [...results, ...fixtureResults.filter((r) => r.ruleId !== 'branch.protected')],
    scope: { targets: ['github github.com/acme'], configFile: 'secpol.yaml', policySources: ['built-in pack'], evaluatedAt: '2026-03-01T12:00:00.000Z' },
  });
}

describe.skipIf(!CHROMIUM && process.env.CI !== 'true')('HTML report in a real browser (Chromium)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const puppeteer = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Root in CI needs --no-sandbox; every host name fails to resolve and any request would go
      // to a dead loopback proxy, so nothing can leave the machine whatever the page holds.
      args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND', '--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setContent(renderHtml(orgReport()), { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('has no horizontal overflow at 1280 px', async () => {
    const { scrollWidth, clientWidth } = (await page.evaluate('({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })')) as {
      scrollWidth: number;
      clientWidth: number;
    };
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  it('gives rule, resource and location columns real width next to a long finding', async () => {
    const widths = (await page.evaluate(`[...document.querySelector('table.findings').querySelectorAll('th')].map((th) => Math.round(th.getBoundingClientRect().width))`)) as number[];
    expect(widths).toHaveLength(4);
    const [rule, resource, finding, location] = widths as [number, number, number, number];
    expect(rule).toBeGreaterThanOrEqual(200);
    expect(resource).toBeGreaterThanOrEqual(200);
    expect(location).toBeGreaterThanOrEqual(150);
    expect(finding).toBeGreaterThan(rule);
  });

  it('shows what was scanned in the header', async () => {
    const scope = (await page.evaluate(`document.querySelector('dl.scope')?.textContent ?? ''`)) as string;
    expect(scope).toContain('github github.com/acme');
    expect(scope).toContain('built-in pack');
  });

  it('keeps remediation folded until asked, then shows it rendered', async () => {
    // The rule with the long remediation (the fixture's other rules have one-line ones).
    const fix = await page.evaluateHandle(`[...document.querySelectorAll('tr.fix details')].find((d) => d.querySelector('summary').textContent.includes('branch.protected'))`);
    // Run in the page, so written as the page's JavaScript rather than typed against Node's globals.
    const state = async () =>
      (await fix.evaluate(
        new Function(
          'd',
          `const md = d.querySelector('.md');
           return { open: d.open, visible: md.checkVisibility(), height: md.offsetHeight, items: d.querySelectorAll('.md li').length,
             code: d.querySelector('.md pre code')?.textContent ?? '', overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };`,
        ) as (d: unknown) => unknown,
      )) as { open: boolean; visible: boolean; height: number; items: number; code: string; overflow: number };
    expect(await state()).toMatchObject({ open: false, visible: false });
    await (await (fix as unknown as { $(selector: string): Promise<{ click(): Promise<void> } | null> }).$('summary'))!.click();
    const after = await state();
    expect(after.open).toBe(true);
    expect(after.visible).toBe(true);
    expect(after.height).toBeGreaterThan(50);
    expect(after.items).toBeGreaterThanOrEqual(3);
    expect(after.code).toContain('  - type: pull_request');
    expect(after.overflow).toBeLessThanOrEqual(0);
    if (process.env.UPDATE_SCREENSHOT === '1') {
      const png = await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 900 } });
      writeFileSync(join(repoRoot, 'docs/images/html-report.png'), png);
    }
  });
});
