import { describe, expect, it } from 'vitest';
import { csvCell, escapeHtml, escapeMarkdown, isHttpUrl, oneLine, stripControl, terminalText, xmlText } from '../../src/report/escape.js';

describe('stripControl', () => {
  it('removes OSC 8 hyperlinks but keeps their visible text', () => {
    expect(stripControl('\x1b]8;;http://evil\x07click\x1b]8;;\x07')).toBe('click');
    expect(stripControl('\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\')).toBe('click');
  });

  it('removes CSI sequences (screen clear, cursor moves, colours)', () => {
    expect(stripControl('a\x1b[2Jb\x1b[Hc\x1b[1;31md\x1b[0m')).toBe('abcd');
  });

  it('removes 8-bit C1 introducers and other escapes', () => {
    expect(stripControl('a\u009b2Jb\u009d0;title\u009cc\x1bcd\x1b(Be')).toBe('abcde');
  });

  it('shows an unterminated OSC as plain text instead of swallowing the rest', () => {
    expect(stripControl('x\x1b]0;title')).toBe('x0;title');
  });

  it('keeps newlines and tabs, normalises CR and Unicode line separators', () => {
    expect(stripControl('a\r\nb\rc\u2028d\te')).toBe('a\nb\nc\nd\te');
  });

  it('removes C0/C1 controls, DEL, bidi overrides, lone surrogates and non-characters', () => {
    expect(stripControl('a\x00b\x07c\x7fd\u0085e\u202ef\u2066g\ud800h\ufffei😀')).toBe('abcd\nefghi😀');
  });
});

describe('oneLine / terminalText', () => {
  it('collapses line breaks and tabs into single spaces', () => {
    expect(oneLine('  a\nb\r\n\tc  \u2028 d ')).toBe('a b c d');
  });

  it('leaves nothing a terminal interprets', () => {
    const out = terminalText('name\x1b]8;;http://evil\x07x\x1b]8;;\x07\x1b[2J\nnext');
    expect(out).toBe('namex next');
    expect([...out].every((ch) => ch.charCodeAt(0) >= 0x20 && !(ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f))).toBe(true);
  });
});

describe('escapeMarkdown', () => {
  it('neutralises links, images, HTML, code spans, emphasis and table pipes', () => {
    const out = escapeMarkdown('[x](javascript:alert(1)) ![i](http://e/i.png) <script>alert(1)</script> `code` *em* _u_ | pipe |');
    expect(out).toBe(
      '\\[x\\]\\(javascript\\:alert\\(1\\)\\) \\!\\[i\\]\\(http\\://e/i.png\\) \\<script\\>alert\\(1\\)\\</script\\> \\`code\\` \\*em\\* \\_u\\_ \\| pipe \\|',
    );
  });

  it('escapes block markers at the start and ordered-list numbers', () => {
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
  });

  it('is one line and free of terminal escapes', () => {
    expect(escapeMarkdown('a\nb\x1b[2J')).toBe('a b');
  });

  it('keeps mentions and bare www links from becoming live', () => {
    expect(escapeMarkdown('@acme/team')).toBe('@\u200dacme/team');
    expect(escapeMarkdown('see www.evil.example')).toBe('see www\\.evil.example');
  });

  it('escapes an entity so it is shown, not decoded', () => {
    expect(escapeMarkdown('&lt;b&gt;')).toBe('\\&lt;b\\&gt;');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes, strips control sequences', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&\x1b[2J`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  });
});

describe('xmlText', () => {
  it('removes characters XML 1.0 cannot carry', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\ud800e\ufffef\u{1f600}\tg\nh')).toBe('abcdef\u{1f600}\tg\nh');
  });
});

describe('csvCell', () => {
  it('defuses formulas', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('quotes commas, quotes and line breaks (flattened to one line)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('a b');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});

describe('isHttpUrl', () => {
  it('accepts only absolute http(s) URLs', () => {
    expect(isHttpUrl('https://docs.example/rules/x')).toBe(true);
    expect(isHttpUrl('http://127.0.0.1:8080/x')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('data:text/html,<script>')).toBe(false);
    expect(isHttpUrl('/relative')).toBe(false);
    expect(isHttpUrl('https://e.example/a"onmouseover=x')).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
});
