import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import { NOTE_COLOUR } from '../layout/annotationBox';
import { captionsOf } from './drawing';
import { pictureOf } from './geometry';
import { exportId } from './ids';
import { diagramMetadata, edgeMetadata, nodeMetadata } from './metadata';
import { textWidth } from './scene';
import { joinPieces, linesAsPieces } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

type Element = Record<string, unknown> & { id: string; boundElements: { type: string; id: string }[] };

/** Small stable numbers for Excalidraw's seeds, so the same diagram exports the same file. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % 2_000_000_000;
}

function base(id: string, type: string, x: number, y: number, width: number, height: number): Element {
  return {
    id, type, x, y, width, height, angle: 0, strokeColor: '#1e1e1e', backgroundColor: 'transparent', fillStyle: 'solid',
    strokeWidth: 2, strokeStyle: 'solid', roughness: 1, opacity: 100, groupIds: [], frameId: null, roundness: null,
    seed: seedOf(id), version: 1, versionNonce: seedOf(`${id}:v`), isDeleted: false, boundElements: [], updated: 1, link: null, locked: false,
  };
}

function text(id: string, value: string, x: number, y: number, fontSize: number, containerId: string | null, colour = '#1e1e1e'): Element {
  const lines = value.split('\n');
  const width = Math.max(...lines.map((l) => textWidth(l, fontSize)));
  return {
    ...base(id, 'text', x, y, width, lines.length * fontSize * 1.25), strokeColor: colour, text: value, originalText: value, fontSize, fontFamily: 2,
    textAlign: containerId ? 'center' : 'left', verticalAlign: containerId ? 'middle' : 'top', containerId, lineHeight: 1.25, autoResize: true,
  };
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
 * first element), so importing the scene gives the diagram back.
 */
export function excalidrawPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): TextPieces {
  return linesAsPieces(sceneLines(excalidrawElements(input)));
}

/** The Excalidraw scene (see `excalidrawPieces`) as one string. */
export function renderExcalidraw(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): string {
  return joinPieces(excalidrawPieces(input));
}

/** The scene file as JSON.stringify(scene, null, 2) writes it, an element at a time. */
function* sceneLines(elements: readonly Element[]): Generator<string, void, undefined> {
  yield '{\n  "type": "excalidraw",\n  "version": 2,\n  "source": "MLSD Studio",';
  if (elements.length === 0) yield '  "elements": [],';
  else {
    yield '  "elements": [';
    for (let i = 0; i < elements.length; i++) yield `    ${JSON.stringify(elements[i], null, 2).replace(/\n/g, '\n    ')}${i < elements.length - 1 ? ',' : ''}`;
    yield '  ],';
  }
  yield '  "appState": {\n    "viewBackgroundColor": "#ffffff",\n    "gridSize": null\n  },\n  "files": {}\n}';
}

function excalidrawElements(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): Element[] {
  const { diagram, estimate, figures } = input;
  const byNode = new Map(estimate.nodes.map((n) => [n.id, n]));
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const captions = captionsOf(input);
  const picture = pictureOf(diagram, captions);
  const elements: Element[] = [];
  for (const g of picture.groups) {
    const id = exportId('group', g.id);
    elements.push({ ...base(id, 'rectangle', g.x, g.y, g.width, g.height), strokeColor: '#94a3b8', strokeStyle: 'dashed', strokeWidth: 1, roundness: { type: 3 }, customData: { mlsdGroup: g.id } });
    elements.push(text(`${id}-label`, g.label, g.x + 12, g.y + 8, 16, null, '#64748b'));
  }
  const boxes = new Map<string, Element>();
  for (const box of picture.nodes) {
    const node = nodes.get(box.id);
    if (!node) continue;
    const kind = findKind(node.kind);
    const f = byNode.get(node.id);
    const lines = [...box.lines, kind?.label ?? node.kind];
    if (figures && f) lines.push(figureLine(node, f).map((p) => p.text).join('  '));
    const id = exportId('node', node.id);
    const rect: Element = {
      ...base(id, 'rectangle', box.x, box.y, box.width, box.height), strokeColor: kind?.colour ?? '#64748b', backgroundColor: '#ffffff', roundness: { type: 3 },
      customData: { mlsdId: node.id, mlsdLabel: node.label, ...(node.group !== undefined && { mlsdInGroup: node.group }), ...nodeMetadata(node) },
    };
    const label = text(`${id}-label`, lines.join('\n'), box.x + 8, box.y + 10, 14, id);
    rect.boundElements.push({ type: 'text', id: label.id });
    boxes.set(node.id, rect);
    elements.push(rect, label);
  }
  for (const { edge, points, labelAt, label: labelBox } of picture.edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target || points.length < 2) continue;
    const start = points[0]!;
    const relative = points.map((p) => [p.x - start.x, p.y - start.y] as [number, number]);
    const xs = relative.map((p) => p[0]);
    const ys = relative.map((p) => p[1]);
    const id = exportId('edge', edge.id);
    const arrow: Element = {
      ...base(id, 'arrow', start.x, start.y, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)),
      ...STROKE[edge.mode ?? 'sync'],
      strokeWidth: 1,
      points: relative,
      lastCommittedPoint: null,
      startBinding: { elementId: source.id, focus: 0, gap: 2 },
      endBinding: { elementId: target.id, focus: 0, gap: 2 },
      startArrowhead: null,
      endArrowhead: 'arrow',
      elbowed: false,
      customData: { mlsdId: edge.id, ...edgeMetadata(edge), ...(edge.label !== undefined && { label: edge.label }) },
    };
    source.boundElements.push({ type: 'arrow', id });
    target.boundElements.push({ type: 'arrow', id });
    elements.push(arrow);
    const caption = captions.get(edge.id);
    if (caption) {
      const value = labelBox ? labelBox.lines.join('\n') : caption;
      const label = text(`${id}-label`, value, labelBox?.x ?? labelAt.x, labelBox?.y ?? labelAt.y, 12, id, '#64748b');
      arrow.boundElements.push({ type: 'text', id: label.id });
      elements.push(label);
    }
  }
  for (const { annotation, x, y, width, height, padding, lines } of picture.annotations) {
    const id = exportId('annotation', annotation.id);
    if (annotation.kind === 'text') {
      elements.push({ ...text(id, lines.join('\n'), x, y, 13, null), customData: { mlsdAnnotation: annotation.id } });
      continue;
    }
    const card: Element = { ...base(id, 'rectangle', x, y, width, height), strokeColor: '#ca8a04', backgroundColor: annotation.colour ?? NOTE_COLOUR, strokeWidth: 1, customData: { mlsdAnnotation: annotation.id } };
    const label = { ...text(`${id}-label`, lines.join('\n'), x + padding, y + padding, 13, id), textAlign: 'left', verticalAlign: 'top' };
    card.boundElements.push({ type: 'text', id: label.id });
    elements.push(card, label);
  }
  // The diagram's own fields (title, budgets, brief, notes) ride on the first element, where Excalidraw keeps them through edits.
  const first = elements[0];
  if (first) first.customData = { ...(first.customData as Record<string, unknown> | undefined), mlsdDiagram: diagramMetadata(diagram) };
  return elements;
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
  render: async (input) => excalidrawPieces(input),
};
