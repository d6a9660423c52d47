import { importId } from '../export/ids';
import { findKind } from '../kinds';
import type { Annotation, Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { emptyReport, fitLabel, keptPosition, uniqueId, type ImportReport, type ImportResult } from './common';
import type { XmlElement } from './drawioFile';
import { guessedNode } from './guess';
import { tooMany } from './limits';

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

/** Plain text from a draw.io label, which may be HTML: line breaks kept, tags dropped, entities decoded. */
export function labelText(value: string, html: boolean): string {
  const text = html ? value.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(div|p)>/gi, '\n').replace(/<[^>]*>/g, '') : value;
  return text
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([\da-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole)
    .trim();
}

/** The cells of a graph model, plain `mxCell`s and those wrapped in `object`/`UserObject` (which carry the label and custom attributes). */
function cellsOf(model: XmlElement): Cell[] {
  const root = (model.root ?? {}) as XmlElement;
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
    ...((root.mxCell ?? []) as (Attributes & { value?: string })[]).map((c) => ({ ...cell(c), attributes: { label: c.value } })),
    ...([...(root.object ?? []), ...(root.UserObject ?? [])] as (Attributes & { mxCell?: (Attributes & { mxGeometry?: Attributes })[] })[]).map((o) => cell(o.mxCell?.[0] ?? {}, o)),
  ];
}

function json(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The style's shape name as MLSD Studio's kind guess reads it: "cylinder3" is a cylinder. */
function shapeOf(style: string): string | undefined {
  const shape = /(?:^|;)shape=([^;]+)/.exec(style)?.[1] ?? /^([a-zA-Z]+);/.exec(style)?.[1];
  if (!shape) return undefined;
  if (/cylinder|datastore/i.test(shape)) return 'cylinder';
  if (/umlActor|actor/i.test(shape)) return 'actor';
  return shape.includes('cloud') ? 'cloud' : shape;
}

/**
 * A diagram from one page of a draw.io file: containers as groups, shapes as
 * nodes at their positions (nested containers' offsets added up), connectors
 * as edges with their labels, free text as text notes. A page exported by
 * MLSD Studio comes back whole (its cells carry the model's fields); other
 * shapes get a kind guessed from their label or shape, with the palette's
 * default figures, and the report says which.
 */
export function importDrawioModel(model: XmlElement, report: ImportReport = emptyReport('draw.io file')): ImportResult {
  const cells = cellsOf(model);
  const many = tooMany(cells.length, 'cells');
  if (many) return { ok: false, problems: [many] };
  const byId = new Map(cells.map((c) => [c.id, c]));
  const layer = cells.find((c) => c.attributes.mlsd_diagram !== undefined);
  const isHtml = (c: Cell) => /(^|;)html=1/.test(c.style);
  const text = (c: Cell) => labelText(c.attributes.label ?? '', isHtml(c));
  const where = (c: Cell) => `cell "${c.id}"${text(c) ? ` ("${text(c).replace(/\s+/g, ' ').slice(0, 40)}")` : ''}`;
  const isLabelOfEdge = (c: Cell) => c.vertex && c.parent !== undefined && byId.get(c.parent)?.edge === true;
  const isFreeText = (c: Cell) => /^text;|(^|;)text;/.test(c.style) && !cells.some((d) => d.edge && (d.source === c.id || d.target === c.id));
  const containers = cells.filter((c) => c.vertex && !isLabelOfEdge(c) && (/(^|;)(container=1|swimlane)/.test(c.style) || cells.some((d) => d.vertex && d.parent === c.id && !isLabelOfEdge(d))));
  const groupTaken = new Set<string>();
  const nodeTaken = new Set<string>();
  const groupIds = new Map(containers.map((c) => [c.id, uniqueId(importId('group', c.id) ?? c.id, groupTaken)]));
  const owned = (c: Cell) => c.attributes.mlsd_annotation !== undefined;
  const freeTexts = cells.filter((c) => c.vertex && !owned(c) && !groupIds.has(c.id) && !isLabelOfEdge(c) && isFreeText(c) && text(c) !== '');
  const connected = new Set(cells.filter((c) => c.edge).flatMap((c) => [c.source, c.target]));
  const nodeCells = cells.filter((c) => {
    if (!c.vertex || groupIds.has(c.id) || owned(c) || isLabelOfEdge(c) || freeTexts.includes(c)) return false;
    if (text(c) === '' && !connected.has(c.id) && c.attributes.mlsd_node === undefined) {
      report.notes.push(`${where(c)}: a shape with no label and no connector, left out`);
      return false;
    }
    return true;
  });
  const nodeIds = new Map(nodeCells.map((c) => [c.id, uniqueId(c.attributes.mlsd_id ?? importId('node', c.id) ?? c.id, nodeTaken)]));
  /** Where a cell sits on the page: its geometry plus every enclosing shape's, and the nearest enclosing container. */
  const placed = (c: Cell): { x: number; y: number; container?: Cell } => {
    let x = c.geometry?.x ?? 0;
    let y = c.geometry?.y ?? 0;
    let container: Cell | undefined;
    const seen = new Set([c.id]);
    for (let p = c.parent ? byId.get(c.parent) : undefined; p?.vertex && !seen.has(p.id); p = p.parent ? byId.get(p.parent) : undefined) {
      seen.add(p.id);
      x += p.geometry?.x ?? 0;
      y += p.geometry?.y ?? 0;
      if (!container && groupIds.has(p.id)) container = p;
    }
    return { x, y, ...(container && { container }) };
  };
  const nodes = nodeCells.map((c): DiagramNode => {
    const meta = json(c.attributes.mlsd_node);
    const at = placed(c);
    const group = at.container && groupIds.get(at.container.id);
    const id = nodeIds.get(c.id)!;
    const position = c.geometry && keptPosition(at.x, at.y, where(c), report);
    const lines = text(c).split('\n');
    const label = fitLabel(meta ? lines[0]! : lines.join(' '), id, where(c), report);
    const base = { id, label, ...(group && { group }), ...(position && { position }) };
    const known = typeof meta?.kind === 'string' && findKind(meta.kind) ? meta.kind : findKind(c.attributes.mlsd_kind ?? '') ? c.attributes.mlsd_kind! : undefined;
    if (!known) return guessedNode(base, shapeOf(c.style), report);
    if (meta) report.kept++;
    // Where the shape is now wins over where it was exported: it may have been moved in draw.io.
    return { ...base, ...meta, ...(position && { position }), kind: known } as DiagramNode;
  });
  const edgeTaken = new Set<string>();
  const labelsOfEdges = new Map(cells.filter(isLabelOfEdge).map((c) => [c.parent!, text(c)]));
  const edges = cells.filter((c) => c.edge).flatMap((c, i): DiagramEdge[] => {
    if (!c.source || !c.target || !nodeIds.has(c.source) || !nodeIds.has(c.target)) {
      const end = !c.source || !c.target ? 'is not attached at both ends' : 'does not join two shapes';
      report.notes.push(`connector "${c.id}" ${end}, left out`);
      return [];
    }
    const meta = json(c.attributes.mlsd_edge);
    const plain = (text(c) || labelsOfEdges.get(c.id) || '').replace(/\s+/g, ' ').trim();
    const label = meta ? (meta.label as string | undefined) : plain ? fitLabel(plain, '', `connector "${c.id}"`, report) : undefined;
    const { label: _label, ...numbers } = meta ?? {};
    // Without the model's fields, the line style tells the mode as MLSD Studio draws it: dotted offline, dashed async.
    const mode = meta ? undefined : /dashPattern=2 /.test(c.style) ? 'offline' : /(^|;)dashed=1/.test(c.style) ? 'async' : undefined;
    return [{ id: uniqueId(c.attributes.mlsd_id ?? importId('edge', c.id) ?? (c.id || `e${i + 1}`), edgeTaken), source: nodeIds.get(c.source)!, target: nodeIds.get(c.target)!, ...(mode && { mode }), ...(label !== undefined && { label }), ...numbers } as DiagramEdge];
  });
  const groups = containers.map((c) => ({ id: groupIds.get(c.id)!, label: fitLabel(text(c), groupIds.get(c.id)!, where(c), report) }));
  const meta = json(layer?.attributes.mlsd_diagram);
  const exported = exportedAnnotations(meta, cells, text, report);
  const taken = new Set([...nodeTaken, ...edgeTaken, ...groupTaken, ...exported.map((a) => a.id)]);
  const annotations = [...exported, ...freeTexts.map((c): Annotation => {
    const at = placed(c);
    return { id: uniqueId(`text-${c.id}`, taken), kind: 'text', text: text(c).slice(0, 2000), position: keptPosition(at.x, at.y, where(c), report) ?? { x: 0, y: 0 } };
  })];
  if (freeTexts.length > 0) report.notes.push(`${freeTexts.length} free text${freeTexts.length === 1 ? '' : 's'} kept as text on the canvas`);
  const { annotations: _annotations, ...rest } = meta ?? {};
  const diagram = {
    format: 'mlsd-studio/diagram', version: 1,
    ...rest,
    ...(groups.length > 0 && { groups }), nodes, edges,
    ...(annotations.length > 0 && { annotations }),
  } as Diagram;
  return { ok: true, diagram, report };
}

/** Sticky notes and text MLSD Studio exported, with the text and place they have now (they may have been edited in draw.io). */
function exportedAnnotations(meta: Record<string, unknown> | undefined, cells: Cell[], text: (c: Cell) => string, report: ImportReport): Annotation[] {
  if (!Array.isArray(meta?.annotations)) return [];
  const cellOf = new Map(cells.filter((c) => c.attributes.mlsd_annotation !== undefined).map((c) => [c.attributes.mlsd_annotation!, c]));
  return (meta.annotations as Annotation[]).flatMap((a) => {
    const c = cellOf.get(a.id);
    if (!c) return [];
    const position = c.geometry && keptPosition(c.geometry.x, c.geometry.y, `note "${a.id}"`, report);
    return [{ ...a, text: text(c) || a.text, ...(position && { position }) }];
  });
}
