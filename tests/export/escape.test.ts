import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { codeFence, htmlText, markdownBlock, markdownText, mermaidText, xmlJson, xmlText } from '../../shared/export/escape';
import { exportId, importId } from '../../shared/export/ids';
import { withDpi, pngWidth } from '../../shared/export/pngDpi';
import { wrapLines } from '../../shared/export/wrap';

const HOSTILE = ['<script>x</script>', '<img src=x onerror="y">', 'a & b', `"q" 'q'`, ']]>', '-->', '```', '%%{init: {}}%%', '推荐 🚀', '#35;'];

describe('exportId', () => {
  it('prefixes by what the id names, so a node, an edge and a group never share an id', () => {
    expect(exportId('node', 'online')).toBe('n_online');
    expect(exportId('group', 'online')).toBe('g_online');
    expect(exportId('edge', 'e1')).toBe('e_e1');
    expect(exportId('node', 'group-online')).not.toBe(exportId('group', 'online'));
    expect(exportId('node', 'edge-e1')).not.toBe(exportId('edge', 'e1'));
  });

  it('keeps ids that differ only in "-" and "_" apart, and never yields a built-in property name', () => {
    expect(exportId('node', 'a-b')).toBe('n_a_hb');
    expect(exportId('node', 'a_b')).toBe('n_a__b');
    expect(exportId('node', 'a_hb')).toBe('n_a__hb');
    for (const name of ['filter', 'map', 'constructor', '__proto__', 'toString']) {
      const id = exportId('node', name);
      expect(id in {} || id in [], id).toBe(false);
    }
  });

  it('is one to one and yields identifier characters only, for any id', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(exportId('node', a)).toMatch(/^n_[A-Za-z0-9_]*$/);
      if (a !== b) expect(exportId('node', a)).not.toBe(exportId('node', b));
      expect(importId('node', exportId('node', a))).toBe(a);
    }));
    expect(importId('edge', 'n_a')).toBeUndefined();
    // Not an id we wrote: an unknown escape, or a character code never closed.
    expect(importId('node', 'n_a_x1_')).toBeUndefined();
    expect(importId('node', 'n_a_u41')).toBeUndefined();
    expect(importId('node', 'n_a_u41_')).toBe('aA');
  });
});

describe('escaping', () => {
  it('xmlText gives text an XML parser reads back exactly', () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: true, htmlEntities: true, trimValues: false });
    for (const text of [...HOSTILE, 'line\nbreak']) {
      const doc = `<r a="${xmlText(text)}">${xmlText(text)}</r>`;
      expect(XMLValidator.validate(doc), text).toBe(true);
      const parsed = parser.parse(doc).r as { a: string; '#text': string };
      expect(parsed.a.replace(/&#10;/g, '\n')).toBe(text);
    }
    expect(xmlText('a\u0001b')).toBe('ab');
  });

  it('htmlText leaves no tag or entity for an HTML label to read', () => {
    expect(htmlText('<img src=x onerror="y"> &amp;')).toBe('&lt;img src=x onerror=&quot;y&quot;&gt; &amp;amp;');
    expect(htmlText('two\nlines')).toBe('two<br>lines');
  });

  it('markdownText escapes Markdown and HTML syntax and keeps one line', () => {
    expect(markdownText('<b>x</b> & *y* _z_ `c` [l](u) a|b # h')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; \\*y\\* \\_z\\_ \\`c\\` \\[l\\](u) a\\|b \\# h');
    expect(markdownText('two\nlines')).toBe('two lines');
  });

  it('markdownBlock keeps Markdown, turns raw HTML into text and closes a fence left open', () => {
    expect(markdownBlock('- **bold** <script>x</script>')).toBe('- **bold** &lt;script>x&lt;/script>');
    expect(markdownBlock('```\ncode <b>')).toBe('```\ncode <b>\n```');
    expect(markdownBlock('```js\na\n```\n<i>')).toBe('```js\na\n```\n&lt;i>');
  });

  it('codeFence uses a fence longer than any backtick run inside', () => {
    expect(codeFence('a', 'mermaid')).toBe('```mermaid\na\n```');
    expect(codeFence('x ```` y')).toBe('`````\nx ```` y\n`````');
  });

  it('mermaidText writes syntax characters as entity codes and keeps text readable', () => {
    expect(mermaidText('<b>x</b>')).toBe('#60;b#62;x#60;/b#62;');
    expect(mermaidText('"a" #35; %%{init}%% ```')).toBe('#34;a#34; #35;35#59; #37;#37;#123;init#125;#37;#37; #96;#96;#96;');
    expect(mermaidText('Drift monitor (PSI) a-b 推荐 🚀 ×8 · 1.2k')).toBe('Drift monitor (PSI) a-b 推荐 🚀 ×8 · 1.2k');
    // Mermaid reads labels as Markdown: emphasis and list markers are written as codes too.
    expect(mermaidText('_u_ *s*')).toBe('#95;u#95; #42;s#42;');
    expect(mermaidText('- item')).toBe('#45; item');
    expect(mermaidText('12. step')).toBe('#49;2. step');
    expect(mermaidText('116 QPS')).toBe('116 QPS');
  });
});

describe('escaping the characters a label rarely holds', () => {
  it('xmlText keeps returns and tabs as character references, and drops what XML forbids (lone surrogates, U+FFFE, controls)', () => {
    expect(xmlText('a\r\tb')).toBe('a&#13;&#9;b');
    expect(xmlText('x\uD800y\uDC00z\uFFFE\uFFFF🚀\u000B\u000C\u001F\u0008\u0000')).toBe('xyz🚀');
  });

  it('xmlJson writes a value\'s JSON as xmlText writes it: quotes alone, markup, and what JSON leaves as typed that XML forbids', () => {
    expect(xmlJson({ kind: 'db', at: { x: 1.5 } })).toBe('{&quot;kind&quot;:&quot;db&quot;,&quot;at&quot;:{&quot;x&quot;:1.5}}');
    expect(xmlJson({})).toBe('{}');
    expect(xmlJson({ a: 'x & <y> \'z\'' })).toBe('{&quot;a&quot;:&quot;x &amp; &lt;y&gt; &apos;z&apos;&quot;}');
    expect(xmlJson({ a: 'p\uFFFEq\uFFFFr' })).toBe('{&quot;a&quot;:&quot;pqr&quot;}');
    for (const text of [...HOSTILE, 'line\nbreak\ttab\r', 'lone \uD800 \uDC00 pair 🚀 \u0001', '\uFFFE', "'", '>']) {
      expect(xmlJson({ text, list: [text, 1, null] }), text).toBe(xmlText(JSON.stringify({ text, list: [text, 1, null] })));
    }
    fc.assert(fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
      for (const v of [{ value }, { text }]) expect(xmlJson(v)).toBe(xmlText(JSON.stringify(v)));
    }));
  });

  it('htmlText writes an apostrophe as a reference and a Windows line break as one <br>', () => {
    expect(htmlText("it's a\r\nb")).toBe('it&#39;s a<br>b');
  });

  it('markdownText escapes strike-through, brackets and backslashes, and joins Windows lines', () => {
    expect(markdownText('~x~ [a] \\ b\r\nc')).toBe('\\~x\\~ \\[a\\] \\\\ b c');
  });

  it('markdownBlock closes a fence only with the same character, at least as long, alone on its line', () => {
    expect(markdownBlock('~~~\n<a>\n~~~\n<b>')).toBe('~~~\n<a>\n~~~\n&lt;b>');
    expect(markdownBlock('````\n<a>\n```\n<b>')).toBe('````\n<a>\n```\n<b>\n````');
    expect(markdownBlock('```\n<a>\n~~~\n<b>')).toBe('```\n<a>\n~~~\n<b>\n```');
    expect(markdownBlock('```\n<a>\n``` x\n<b>')).toBe('```\n<a>\n``` x\n<b>\n```');
    // Four spaces of indent make a code line, not a fence: what follows is still running text.
    expect(markdownBlock('    ```\n<a>')).toBe('    ```\n&lt;a>');
    // A closing fence may be indented up to three spaces.
    expect(markdownBlock('```\n<a>\n  ```\n<b>')).toBe('```\n<a>\n  ```\n&lt;b>');
    expect(markdownBlock('a\r\n<b>\r<c>')).toBe('a\n&lt;b>\n&lt;c>');
  });

  it('codeFence uses three backticks when the content has shorter runs or none', () => {
    expect(codeFence('plain')).toBe('```\nplain\n```');
    expect(codeFence('``')).toBe('```\n``\n```');
  });

  it('mermaidText drops control characters, turns a newline into a space and codes every list marker', () => {
    expect(mermaidText('a\u0001b\u007fc\u0085d\u2028e\u2029f\u00a0g\nh\ti')).toBe('abcdef\u00a0g hi');
    expect(mermaidText('2) step')).toBe('#50;) step');
    expect(mermaidText('  + x')).toBe('  #43; x');
    expect(mermaidText('-')).toBe('#45;');
    expect(mermaidText('1.5 ms')).toBe('1.5 ms');
    expect(mermaidText('a - b')).toBe('a - b');
    expect(mermaidText('1234567890. x')).toBe('1234567890. x');
  });
});

describe('wrapLines', () => {
  it('wraps at spaces, breaks only overlong words, and drops no character', () => {
    expect(wrapLines('Event recommendation service', 24)).toEqual(['Event recommendation', 'service']);
    expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapLines('abcdefgh', 4)).toEqual(['abcd', 'efgh']);
    expect(wrapLines('ab cd', 5)).toEqual(['ab cd']);
    expect(wrapLines(' a  b ', 10)).toEqual(['a b']);
    expect(wrapLines('one\ntwo\r\nthree', 20)).toEqual(['one', 'two', 'three']);
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 40 }), (text, width) => {
      const lines = wrapLines(text, width);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(width);
      expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    }));
  });
});

describe('withDpi', () => {
  it('puts one pHYs chunk right after the header, with a valid checksum', async () => {
    const { PNG } = await import('pngjs');
    const png = new Uint8Array(PNG.sync.write(Object.assign(new PNG({ width: 3, height: 2 }), {})));
    const once = withDpi(png, 300);
    const twice = withDpi(once, 150);
    const decoded = PNG.sync.read(Buffer.from(twice), { checkCRC: true } as never);
    expect([decoded.width, decoded.height, pngWidth(twice)]).toEqual([3, 2, 3]);
    const text = Buffer.from(twice).toString('latin1');
    expect(text.indexOf('pHYs')).toBe(37);
    expect(text.split('pHYs')).toHaveLength(2);
    expect(Buffer.from(twice).readUInt32BE(41)).toBe(5906);
  });
});
