import MarkdownIt from 'markdown-it';
import { stripControl } from '../escape.js';

/**
 * Remediation Markdown (trusted policy content) as HTML through markdown-it: raw HTML is
 * escaped, not passed through; links only to absolute http(s) URLs and opened without a
 * referrer; no images (the page's CSP allows none anyway).
 */
const renderer = new MarkdownIt({ html: false, linkify: false, typographer: false }).disable(['image']);
renderer.validateLink = (url: string) => /^https?:\/\/[^\s<>"']+$/i.test(url);

const defaultLinkOpen = renderer.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
renderer.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function markdownToHtml(markdown: string): string {
  return renderer.render(stripControl(markdown)).trimEnd();
}
