import { XMLParser } from 'fast-xml-parser';
import { importId } from '../export/ids';
import { findKind } from '../kinds';
import type { Annotation, Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { uniqueId, type ImportResult } from './common';

type Attributes = Record<string, string | undefined>;
interface Cell {
  id: string;
  attributes: Attributes;
  style: string;
  vertex: boolean;
  edge: boolean;
  parent?: string;
  source?: string;
  target?: string;
  geometry?: { x: number; y: number };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Plain text from a draw.io label, which may be HTML: line breaks kept as spaces, tags dropped, entities decoded. */
export function labelText(value: string, html: boolean): string {
  const text = html ? value.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(div|p)>/gi, '\n').replace(/<[^>]*>/g, '') : value;
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .trim();
}

function cellsOf(xml: string): Cell[] | string {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['mxCell', 'object', 'UserObject', 'diagram'].includes(name), processEntities: true, htmlEntities: true, parseAttributeValue: false });
  let doc: Record<string, any>;
  try {
    doc = parser.parse(xml) as Record<string, any>;
  } catch (error) {
    return `not readable XML: ${error instanceof Error ? error.message : String(error)}`;
  }
  const model = doc.mxfile?.diagram?.[0]?.mxGraphModel ?? doc.mxGraphModel;
  const first = doc.mxfile?.diagram?.[0];
  if (!model?.root) return typeof first === 'string' || typeof first?.['#text'] === 'string' ? 'the diagram is compressed: in draw.io, File > Properties, untick Compressed, and save again' : 'no mxGraphModel in the file';
  const cell = (raw: Attributes & { mxGeometry?: Attributes }, wrapper?: Attributes): Cell => ({
    id: String(wrapper?.id ?? raw.id ?? ''),
    attributes: wrapper ?? {},
    style: String(raw.style ?? ''),
    vertex: raw.vertex === '1',
    edge: raw.edge === '1',
    parent: raw.parent,
    source: raw.source,
    target: raw.target,
    geometry: raw.mxGeometry && { x: Number(raw.mxGeometry.x ?? 0), y: Number(raw.mxGeometry.y ?? 0) },
  });
  return [
    ...(model.root.mxCell ?? []).map((c: Attributes & { value?: string }) => ({ ...cell(c), attributes: { label: c.value } })),
    ...[...(model.root.object ?? []), ...(model.root.UserObject ?? [])].map((o: Attributes & { mxCell?: (Attributes & { mxGeometry?: Attributes })[] }) => cell(o.mxCell?.[0] ?? {}, o)),
  ];
}

function json(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * A diagram from a draw.io file (uncompressed): containers as groups,
 * shapes as nodes at their positions, connectors as edges with their
 * labels. A file exported by MLSD Studio comes back whole (its cells carry
 * the model's fields); shapes from elsewhere become "service" nodes.
 */
export function importDrawio(xml: string): ImportResult {
  const cells = cellsOf(xml);
  if (typeof cells === 'string') return { ok: false, problems: [cells] };
  const byId = new Map(cells.map((c) => [c.id, c]));
  const layer = cells.find((c) => c.attributes.mlsd_diagram !== undefined);
  const isHtml = (c: Cell) => /(^|;)html=1/.test(c.style);
  const containers = cells.filter((c) => c.vertex && (/(^|;)container=1/.test(c.style) || cells.some((d) => d.vertex && d.parent === c.id)));
  const groupTaken = new Set<string>();
  const nodeTaken = new Set<string>();
  const groupIds = new Map(containers.map((c) => [c.id, uniqueId(importId('group', c.id) ?? c.id, groupTaken)]));
  const nodeCells = cells.filter((c) => c.vertex && !groupIds.has(c.id) && c.attributes.mlsd_annotation === undefined);
  const nodeIds = new Map(nodeCells.map((c) => [c.id, uniqueId(c.attributes.mlsd_id ?? importId('node', c.id) ?? c.id, nodeTaken)]));
  const nodes = nodeCells.map((c): DiagramNode => {
    const meta = json(c.attributes.mlsd_node);
    const parent = c.parent ? byId.get(c.parent) : undefined;
    const inGroup = parent && groupIds.has(parent.id);
    const html = labelText(c.attributes.label ?? '', isHtml(c));
    const label = (meta ? html.split('\n')[0]! : html.replace(/\n/g, ' ')).slice(0, 120) || nodeIds.get(c.id)!;
    const kind = typeof meta?.kind === 'string' && findKind(meta.kind) ? meta.kind : findKind(c.attributes.mlsd_kind ?? '') ? c.attributes.mlsd_kind! : 'service';
    const position = c.geometry && { x: c.geometry.x + (inGroup ? parent!.geometry?.x ?? 0 : 0), y: c.geometry.y + (inGroup ? parent!.geometry?.y ?? 0 : 0) };
    // Where the shape is now wins over where it was exported: it may have been moved in draw.io.
    return { id: nodeIds.get(c.id)!, label, ...(inGroup && { group: groupIds.get(parent!.id)! }), ...meta, ...(position && { position }), kind } as DiagramNode;
  });
  const edgeTaken = new Set<string>();
  const edges = cells.filter((c) => c.edge && c.source && c.target && nodeIds.has(c.source) && nodeIds.has(c.target)).map((c, i): DiagramEdge => {
    const meta = json(c.attributes.mlsd_edge);
    const label = meta ? (meta.label as string | undefined) : labelText(c.attributes.label ?? '', isHtml(c)).replace(/\n/g, ' ') || undefined;
    const { label: _label, ...numbers } = meta ?? {};
    // Without the model's fields, the line style tells the mode as MLSD Studio draws it: dotted offline, dashed async.
    const mode = meta ? undefined : /dashPattern=2 /.test(c.style) ? 'offline' : /(^|;)dashed=1/.test(c.style) ? 'async' : undefined;
    return { id: uniqueId(c.attributes.mlsd_id ?? importId('edge', c.id) ?? (c.id || `e${i + 1}`), edgeTaken), source: nodeIds.get(c.source!)!, target: nodeIds.get(c.target!)!, ...(mode && { mode }), ...(label !== undefined && { label }), ...numbers } as DiagramEdge;
  });
  const groups = containers.map((c) => ({ id: groupIds.get(c.id)!, label: labelText(c.attributes.label ?? '', isHtml(c)).replace(/\n/g, ' ').slice(0, 120) || groupIds.get(c.id)! }));
  const meta = json(layer?.attributes.mlsd_diagram);
  // Sticky notes and text keep their exported fields, with the text and place they have now (they may have been edited in draw.io).
  if (Array.isArray(meta?.annotations)) {
    const cellOf = new Map(cells.filter((c) => c.attributes.mlsd_annotation !== undefined).map((c) => [c.attributes.mlsd_annotation!, c]));
    meta.annotations = (meta.annotations as Annotation[]).flatMap((a) => {
      const c = cellOf.get(a.id);
      if (!c) return [];
      const text = labelText(c.attributes.label ?? '', isHtml(c)) || a.text;
      return [{ ...a, text, ...(c.geometry && { position: { x: c.geometry.x, y: c.geometry.y } }) }];
    });
  }
  const diagram = {
    format: 'mlsd-studio/diagram', version: 1, title: 'Imported draw.io diagram',
    ...meta,
    ...(groups.length > 0 && { groups }), nodes, edges,
  } as Diagram;
  return { ok: true, diagram };
}
