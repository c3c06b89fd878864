/**
 * A strict, small XML 1.0 reader for tests: it throws on anything not well-formed (unbalanced
 * or misnested tags, duplicate or unquoted attributes, `<` in attribute values, unknown
 * entities, characters XML 1.0 forbids, more than one root). The XML library we build with is
 * a lenient parser, so it cannot be the judge of its own output.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const INVALID_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(xml: string): XmlElement {
  if (INVALID_CHAR.test(xml)) throw new Error(`character not allowed in XML 1.0 at ${xml.search(INVALID_CHAR)}`);
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 40))}`);
  };
  const skipSpace = (): void => {
    while (pos < xml.length && /[ \t\r\n]/.test(xml[pos] ?? '')) pos++;
  };
  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (!m) fail('expected a name');
    pos += (m as RegExpExecArray)[0].length;
    return (m as RegExpExecArray)[0];
  };
  const decode = (raw: string): string =>
    raw.replace(/&([^;]*);/g, (_, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      const value = ENTITIES[ref];
      if (value === undefined) fail(`unknown entity &${ref};`);
      return value as string;
    });
  const checkAmpersands = (raw: string): void => {
    if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) fail('bare & or malformed entity');
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (xml[pos] !== '<') fail('expected <');
    pos++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (xml.startsWith('/>', pos)) {
        pos += 2;
        return el;
      }
      if (xml[pos] === '>') {
        pos++;
        break;
      }
      if (before === pos) fail('expected whitespace before attribute');
      const attr = name();
      if (attr in el.attrs) fail(`duplicate attribute ${attr}`);
      skipSpace();
      if (xml[pos] !== '=') fail('expected =');
      pos++;
      skipSpace();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail('attribute value not quoted');
      const end = xml.indexOf(quote as string, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(pos + 1, end);
      if (raw.includes('<')) fail('< in attribute value');
      checkAmpersands(raw);
      el.attrs[attr] = decode(raw);
      pos = end + 1;
    }
    for (;;) {
      const next = xml.indexOf('<', pos);
      if (next < 0) fail(`unclosed element ${el.name}`);
      const raw = xml.slice(pos, next);
      if (raw.includes(']]>')) fail(']]> in text');
      checkAmpersands(raw);
      el.text += decode(raw);
      pos = next;
      if (xml.startsWith('</', pos)) {
        pos += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        skipSpace();
        if (xml[pos] !== '>') fail('expected >');
        pos++;
        return el;
      }
      if (xml.startsWith('<!--', pos)) {
        const end = xml.indexOf('-->', pos);
        if (end < 0) fail('unterminated comment');
        pos = end + 3;
        continue;
      }
      if (xml.startsWith('<!', pos) || xml.startsWith('<?', pos)) fail('unexpected markup declaration');
      el.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}
