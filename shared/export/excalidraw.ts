import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import { NOTE_COLOUR } from '../layout/annotationBox';
import { captionParts } from './drawing';
import { pictureOf, tellSimplified, type PictureEdge } from './geometry';
import { exportId } from './ids';
import { InOrder } from './inOrder';
import { diagramMetadata, edgeMetadata, nodeMetadata } from './metadata';
import { textWidth } from './scene';
import { joinPieces, PieceLines } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

/** FNV-1a's offset basis and prime: the hash Excalidraw's seeds are made of. */
const FNV_BASIS = 2166136261;
const FNV_PRIME = 16777619;

/** The hash of a text, carried on from `h` (the hash of what came before it). */
function hashOn(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** A hash as a small stable number for Excalidraw's seeds, so the same diagram exports the same file. */
const seedOfHash = (h: number) => (h >>> 0) % 2_000_000_000;


/** A number as JSON writes it. */
function num(value: number): string {
  return Number.isFinite(value) ? String(value) : 'null';
}

/** How an element differs from Excalidraw's plain shape (dark solid 2 px stroke, no fill, square corners). */
interface Look {
  strokeColor?: string;
  backgroundColor?: string;
  strokeWidth?: number;
  strokeStyle?: string;
  rounded?: boolean;
  /** The texts and arrows bound to it, already written as JSON (see `boundJson`), comma-separated. */
  bound?: string;
}

/**
 * One element as JSON, its fields in Excalidraw's order, written straight to
 * text (a large scene makes hundreds of thousands): the common fields, then
 * `rest`, the type's own fields already written (",\"points\":[...]").
 * Ids come from `exportId` (letters, digits, "_", "-label"), so they need no escapes.
 */
function elementJson(id: string, type: string, x: number, y: number, width: number, height: number, look: Look, rest: string): string {
  const bound = look.bound ?? '';
  // The version's seed is the id's with ":v" after it: the id's hash carried on.
  const h = hashOn(FNV_BASIS, id);
  return `{"id":"${id}","type":"${type}","x":${num(x)},"y":${num(y)},"width":${num(width)},"height":${num(height)},"angle":0,` +
    `"strokeColor":${JSON.stringify(look.strokeColor ?? '#1e1e1e')},"backgroundColor":${JSON.stringify(look.backgroundColor ?? 'transparent')},"fillStyle":"solid",` +
    `"strokeWidth":${look.strokeWidth ?? 2},"strokeStyle":"${look.strokeStyle ?? 'solid'}","roughness":1,"opacity":100,"groupIds":[],"frameId":null,` +
    `"roundness":${look.rounded ? '{"type":3}' : 'null'},"seed":${seedOfHash(h)},"version":1,"versionNonce":${seedOfHash(hashOn(h, ':v'))},"isDeleted":false,` +
    `"boundElements":[${bound}],"updated":1,"link":null,"locked":false${rest}}`;
}

/** A text element: in its container (centred, or top left with `align`), or free. */
function textJson(id: string, value: string, x: number, y: number, fontSize: number, containerId: string | null, options: { colour?: string; topLeft?: boolean; customData?: string } = {}): string {
  const lines = value.split('\n');
  let width = -Infinity;
  for (const line of lines) width = Math.max(width, textWidth(line, fontSize));
  const centred = containerId !== null && !options.topLeft;
  const quoted = JSON.stringify(value);
  return elementJson(id, 'text', x, y, width, lines.length * fontSize * 1.25, { strokeColor: options.colour },
    `,"text":${quoted},"originalText":${quoted},"fontSize":${fontSize},"fontFamily":2,"textAlign":"${centred ? 'center' : 'left'}",` +
    `"verticalAlign":"${centred ? 'middle' : 'top'}","containerId":${containerId === null ? 'null' : `"${containerId}"`},"lineHeight":1.25,"autoResize":true` +
    (options.customData === undefined ? '' : `,"customData":${options.customData}`));
}

const STROKE = {
  sync: { strokeColor: '#1e1e1e', strokeStyle: 'solid' },
  async: { strokeColor: '#7c3aed', strokeStyle: 'dashed' },
  offline: { strokeColor: '#94a3b8', strokeStyle: 'dotted' },
} as const;

/**
 * The diagram as an Excalidraw scene: a box per node (the picture's box)
 * with its wrapped label bound inside and the model's fields (kind,
 * numbers, notes) in customData, arrows along the picture's route bound
 * to both ends (dashed for async, dotted for offline) with their caption
 * and fields, dashed boxes for groups, yellow cards for sticky notes and
 * free text for text annotations. Element ids come from
 * `exportId`, with "-label" for texts. The model travels in customData
 * (a node's id, label, group and fields; the diagram's own fields on the
 * first element), so importing the scene gives the diagram back. The file
 * is compact JSON with an element a line, each written as it is made.
 */
export function excalidrawPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): TextPieces {
  return scenePieces(input);
}

/** The Excalidraw scene (see `excalidrawPieces`) as one string. */
export function renderExcalidraw(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): string {
  return joinPieces(excalidrawPieces(input));
}

/** The scene file: its header, an element a line (a comma after each but the last), then the app state. */
function* scenePieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): TextPieces {
  const out = new PieceLines();
  out.add('{"type":"excalidraw","version":2,"source":"MLSD Studio","elements":[');
  let held: string | undefined;
  for (const element of excalidrawElements(input)) {
    if (held !== undefined) {
      out.add(`${held},`);
      if (out.full) yield out.take();
    }
    held = element;
  }
  if (held !== undefined) out.add(held);
  out.add('],"appState":{"viewBackgroundColor":"#ffffff","gridSize":null},"files":{}}');
  yield out.take();
}

/** An element bound to another, as the other's `boundElements` lists it. */
const boundJson = (type: 'text' | 'arrow', id: string) => `{"type":"${type}","id":"${id}"}`;

/**
 * Each drawn edge's element id (undefined for an edge not drawn: an end
 * without a box, or no route) and the places of its two boxes in the
 * picture's list, and the arrows each box lists (see `boundJson`), in
 * drawing order, by the box's place. `boxIds` holds the element id of each
 * box drawn by its place (the place each box the edge holds carries: no id
 * looked up).
 */
function arrowsOf(edges: readonly PictureEdge[], boxIds: readonly (string | undefined)[]): { ids: (string | undefined)[]; ends: Int32Array; byBox: (string | undefined)[] } {
  const byBox: (string | undefined)[] = [];
  const bind = (box: number, id: string) => {
    const list = byBox[box];
    byBox[box] = list === undefined ? boundJson('arrow', id) : `${list},${boundJson('arrow', id)}`;
  };
  const ends = new Int32Array(edges.length * 2);
  const ids = edges.map(({ edge, from, to, points }, i) => {
    const source = from.index;
    const target = to.index;
    if (boxIds[source] === undefined || boxIds[target] === undefined || points.length < 2) return undefined;
    const id = exportId('edge', edge.id);
    bind(source, id);
    bind(target, id);
    ends[2 * i] = source;
    ends[2 * i + 1] = target;
    return id;
  });
  return { ids, ends, byBox };
}

/** The scene's elements as JSON, made one at a time: groups, nodes with their labels, arrows with their captions, annotations. */
function* excalidrawElements(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): Generator<string, void, undefined> {
  const { diagram, estimate, figures } = input;
  const byNode = new InOrder(estimate.nodes);
  const nodes = new InOrder(diagram.nodes);
  const picture = pictureOf(diagram, captionParts(input));
  tellSimplified(picture, input.note);
  // The diagram's own fields (title, budgets, brief, notes) ride on the first element, where Excalidraw keeps them through edits;
  // every element that can come first has customData, and each element's is written before any later element's.
  let diagramFields: object | undefined = diagramMetadata(diagram);
  const customData = (data: object) => {
    const json = JSON.stringify(diagramFields ? { ...data, mlsdDiagram: diagramFields } : data);
    diagramFields = undefined;
    return json;
  };
  for (const g of picture.groups) {
    const id = exportId('group', g.id);
    yield elementJson(id, 'rectangle', g.x, g.y, g.width, g.height, { strokeColor: '#94a3b8', strokeStyle: 'dashed', strokeWidth: 1, rounded: true }, `,"customData":${customData({ mlsdGroup: g.id })}`);
    yield textJson(`${id}-label`, g.label, g.x + 12, g.y + 8, 16, null, { colour: '#64748b' });
  }
  // Each drawn box's element id by its place in the picture's list, made once: arrows name those of their ends.
  const boxIds: (string | undefined)[] = [];
  picture.nodes.forEach((box, i) => {
    boxIds.push(nodes.get(box.id, i) ? exportId('node', box.id) : undefined);
  });
  const arrows = arrowsOf(picture.edges, boxIds);
  for (const [i, box] of picture.nodes.entries()) {
    const node = nodes.get(box.id, i);
    if (!node) continue;
    const kind = findKind(node.kind);
    const f = byNode.get(node.id, i);
    const lines = [...box.lines, kind?.label ?? node.kind];
    if (figures && f) lines.push(figureLine(node, f).map((p) => p.text).join('  '));
    const id = boxIds[i]!;
    const labelId = `${id}-label`;
    const data = customData({ mlsdId: node.id, mlsdLabel: node.label, ...(node.group !== undefined && { mlsdInGroup: node.group }), ...nodeMetadata(node) });
    const arrowsBound = arrows.byBox[i];
    yield elementJson(id, 'rectangle', box.x, box.y, box.width, box.height,
      { strokeColor: kind?.colour ?? '#64748b', backgroundColor: '#ffffff', rounded: true, bound: arrowsBound === undefined ? boundJson('text', labelId) : `${boundJson('text', labelId)},${arrowsBound}` },
      `,"customData":${data}`);
    yield textJson(labelId, lines.join('\n'), box.x + 8, box.y + 10, 14, id);
  }
  for (let i = 0; i < picture.edges.length; i++) {
    const id = arrows.ids[i];
    if (id === undefined) continue;
    const { edge, points, labelAt, label: labelBox, caption } = picture.edges[i]!;
    const start = points[0]!;
    let [minX, maxX, minY, maxY] = [0, 0, 0, 0];
    let relative = '';
    for (let p = 0; p < points.length; p++) {
      const x = points[p]!.x - start.x;
      const y = points[p]!.y - start.y;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      relative += `${p === 0 ? '' : ','}[${num(x)},${num(y)}]`;
    }
    const labelId = `${id}-label`;
    const data = customData({ mlsdId: edge.id, ...edgeMetadata(edge), ...(edge.label !== undefined && { label: edge.label }) });
    const stroke = STROKE[edge.mode ?? 'sync'];
    yield elementJson(id, 'arrow', start.x, start.y, maxX - minX, maxY - minY, { strokeColor: stroke.strokeColor, strokeStyle: stroke.strokeStyle, strokeWidth: 1, bound: caption ? boundJson('text', labelId) : '' },
      `,"points":[${relative}],"lastCommittedPoint":null,"startBinding":{"elementId":"${boxIds[arrows.ends[2 * i]!]}","focus":0,"gap":2},` +
      `"endBinding":{"elementId":"${boxIds[arrows.ends[2 * i + 1]!]}","focus":0,"gap":2},"startArrowhead":null,"endArrowhead":"arrow","elbowed":false,"customData":${data}`);
    if (caption) yield textJson(labelId, labelBox ? labelBox.lines.join('\n') : caption, labelBox?.x ?? labelAt.x, labelBox?.y ?? labelAt.y, 12, id, { colour: '#64748b' });
  }
  for (const { annotation, x, y, width, height, padding, lines } of picture.annotations) {
    const id = exportId('annotation', annotation.id);
    const data = customData({ mlsdAnnotation: annotation.id });
    if (annotation.kind === 'text') {
      yield textJson(id, lines.join('\n'), x, y, 13, null, { customData: data });
      continue;
    }
    const labelId = `${id}-label`;
    yield elementJson(id, 'rectangle', x, y, width, height,
      { strokeColor: '#ca8a04', backgroundColor: annotation.colour ?? NOTE_COLOUR, strokeWidth: 1, bound: boundJson('text', labelId) }, `,"customData":${data}`);
    yield textJson(labelId, lines.join('\n'), x + padding, y + padding, 13, id, { topLeft: true });
  }
}

export const excalidrawFormat: ExportFormat = {
  id: 'excalidraw',
  label: 'Excalidraw scene',
  extension: 'excalidraw',
  mimeType: 'application/vnd.excalidraw+json',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  takesPaper: false,
  readsFullEstimate: false,
  render: async (input) => excalidrawPieces(input),
};
