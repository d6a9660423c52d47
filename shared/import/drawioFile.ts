import { XMLParser } from 'fast-xml-parser';
import { inflateDrawioPage } from './inflate';
import { MAX_IMPORT_PAGES } from './limits';

/** A parsed XML element, as fast-xml-parser gives it: attributes and children by name. */
export type XmlElement = Record<string, any>;

/** The parser every draw.io read uses: attributes without prefix, text kept as text, lists where draw.io repeats elements. */
export function drawioParser(): XMLParser {
  return new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false, processEntities: true, htmlEntities: true,
    isArray: (name) => ['mxCell', 'object', 'UserObject', 'diagram', 'mxPoint'].includes(name),
  });
}

/** One page of a draw.io file: its name and its `diagram` element (holding the graph model, or its compressed text). */
export interface DrawioPage {
  name: string;
  source: XmlElement | string;
}

type Pages = { ok: true; pages: DrawioPage[] } | { ok: false; problems: string[] };

function parseXml(xml: string): XmlElement | string {
  try {
    return drawioParser().parse(xml) as XmlElement;
  } catch (error) {
    return `not readable XML: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A page's graph model: in place, or compressed as the page's text (deflate-raw, base64, URI-encoded). */
async function pageModel(diagram: XmlElement | string, where: string): Promise<XmlElement | string> {
  if (typeof diagram === 'object' && diagram.mxGraphModel) return diagram.mxGraphModel as XmlElement;
  const text = typeof diagram === 'string' ? diagram : typeof diagram['#text'] === 'string' ? diagram['#text'] : '';
  if (text.trim() === '') return `${where}: the page is empty (no mxGraphModel)`;
  const inflated = await inflateDrawioPage(text);
  if (!inflated.ok) return `${where}: ${inflated.message}`;
  const doc = parseXml(inflated.xml);
  if (typeof doc === 'string') return `${where}: the inflated diagram is ${doc}`;
  return doc.mxGraphModel ?? `${where}: the inflated diagram holds no mxGraphModel`;
}

/**
 * The pages of a draw.io file: an `mxfile` of `diagram` pages (each plain
 * or compressed), a bare `mxGraphModel`, or an SVG or HTML page with the
 * file embedded in its `content` attribute, as draw.io exports them.
 */
export async function drawioPages(xml: string): Promise<Pages> {
  const doc = parseXml(xml);
  if (typeof doc === 'string') return { ok: false, problems: [doc] };
  if (doc.mxGraphModel) return { ok: true, pages: [{ name: 'Page-1', source: { mxGraphModel: doc.mxGraphModel as XmlElement } }] };
  const svg = doc.svg as XmlElement | undefined;
  if (svg) {
    const content = svg.content;
    if (typeof content !== 'string' || !content.trimStart().startsWith('<')) return { ok: false, problems: ['an SVG without a draw.io diagram in it (draw.io keeps one in the content attribute when "Include a copy of my diagram" is ticked)'] };
    return drawioPages(content);
  }
  const file = doc.mxfile as XmlElement | undefined;
  if (!file) return { ok: false, problems: ['no mxfile or mxGraphModel in the file: not a draw.io diagram'] };
  const diagrams = (file.diagram ?? []) as (XmlElement | string)[];
  if (diagrams.length === 0) return { ok: false, problems: ['the draw.io file has no pages'] };
  if (diagrams.length > MAX_IMPORT_PAGES) return { ok: false, problems: [`the draw.io file has ${diagrams.length} pages: at most ${MAX_IMPORT_PAGES} are read`] };
  return {
    ok: true,
    pages: diagrams.map((d, i) => ({ name: (typeof d === 'object' && typeof d.name === 'string' && d.name) || `Page-${i + 1}`, source: d })),
  };
}

/** Which page a `--page` choice names: a 1-based number or a page's name; the first page when none is given. */
export function choosePage(names: readonly string[], choice: string | undefined): number | string {
  if (choice === undefined || choice === '') return 0;
  const byName = names.indexOf(choice);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(choice)) {
    const n = Number(choice);
    if (n >= 1 && n <= names.length) return n - 1;
  }
  return `no page "${choice}": the file's pages are ${names.map((n, i) => `${i + 1} "${n}"`).join(', ')}`;
}

/** The graph model of the chosen page, inflating it when it is compressed. */
export async function pageGraph(page: DrawioPage, index: number): Promise<XmlElement | string> {
  return pageModel(page.source, `page ${index + 1} "${page.name}"`);
}
