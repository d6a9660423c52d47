import { edgeRates } from '../estimator/edgeRates';
import { edgeCaption } from './caption';
import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/elkGraph';
import { groupBoxes } from '../layout/groupBounds';
import { pictureOf } from './geometry';
import type { ExportFormat, ExportInput } from './types';

type Element = Record<string, unknown> & { id: string; boundElements?: { type: string; id: string }[] };

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

function text(id: string, value: string, x: number, y: number, width: number, height: number, fontSize: number, containerId: string | null, colour = '#1e1e1e'): Element {
  return {
    ...base(id, 'text', x, y, width, height), strokeColor: colour, text: value, originalText: value, fontSize, fontFamily: 2,
    textAlign: containerId ? 'center' : 'left', verticalAlign: containerId ? 'middle' : 'top', containerId, lineHeight: 1.25, autoResize: true,
  };
}

/**
 * The diagram as an Excalidraw scene: a box per node with its label bound
 * inside, arrows bound to both ends (dashed for async, dotted for offline)
 * with the calls and rate as their text, and dashed boxes for groups.
 */
export function renderExcalidraw({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): string {
  const byNode = new Map(estimate.nodes.map((n) => [n.id, n]));
  const rates = edgeRates(diagram, estimate);
  const elements: Element[] = [];
  for (const box of groupBoxes(diagram)) {
    elements.push({ ...base(`group-${box.id}`, 'rectangle', box.x, box.y, box.width, box.height), strokeColor: '#94a3b8', strokeStyle: 'dashed', strokeWidth: 1, roundness: { type: 3 } });
    elements.push(text(`group-${box.id}-label`, box.label, box.x + 12, box.y + 8, box.label.length * 9, 20, 16, null, '#64748b'));
  }
  const boxes = new Map<string, Element>();
  for (const node of diagram.nodes) {
    const kind = findKind(node.kind);
    const x = node.position?.x ?? 0;
    const y = node.position?.y ?? 0;
    const f = byNode.get(node.id);
    const lines = [node.label, kind?.label ?? node.kind];
    if (figures && f) lines.push(figureLine(node, f).map((p) => p.text).join('  '));
    const rect: Element = { ...base(node.id, 'rectangle', x, y, NODE_WIDTH, NODE_HEIGHT), strokeColor: kind?.colour ?? '#64748b', backgroundColor: '#ffffff', roundness: { type: 3 } };
    const label = text(`${node.id}-label`, lines.join('\n'), x + 8, y + 10, NODE_WIDTH - 16, NODE_HEIGHT - 20, 14, node.id);
    rect.boundElements!.push({ type: 'text', id: label.id });
    boxes.set(node.id, rect);
    elements.push(rect, label);
  }
  const routes = new Map(pictureOf(diagram).edges.map((e) => [e.edge.id, e.points]));
  for (const edge of diagram.edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    const route = routes.get(edge.id);
    if (!source || !target || !route) continue;
    const start = route[0]!;
    const points = route.map((p) => [p.x - start.x, p.y - start.y]);
    const xs = points.map((p) => p[0]!);
    const ys = points.map((p) => p[1]!);
    const mode = edge.mode ?? 'sync';
    const arrow: Element = {
      ...base(`edge-${edge.id}`, 'arrow', start.x, start.y, Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)),
      strokeColor: mode === 'async' ? '#7c3aed' : mode === 'offline' ? '#94a3b8' : '#1e1e1e',
      strokeStyle: mode === 'async' ? 'dashed' : mode === 'offline' ? 'dotted' : 'solid',
      strokeWidth: 1,
      roundness: null,
      points,
      lastCommittedPoint: null,
      startBinding: { elementId: source.id, focus: 0, gap: 2 },
      endBinding: { elementId: target.id, focus: 0, gap: 2 },
      startArrowhead: null,
      endArrowhead: 'arrow',
      elbowed: false,
    };
    source.boundElements!.push({ type: 'arrow', id: arrow.id });
    target.boundElements!.push({ type: 'arrow', id: arrow.id });
    elements.push(arrow);
    const parts = edgeCaption(edge, rates.get(edge.id)?.peak, figures);
    if (parts.length > 0) {
      const label = text(`edge-${edge.id}-label`, parts.join(' · '), start.x, start.y, 120, 16, 12, arrow.id, '#64748b');
      arrow.boundElements!.push({ type: 'text', id: label.id });
      elements.push(label);
    }
  }
  const scene = { type: 'excalidraw', version: 2, source: 'MLSD Studio', elements, appState: { viewBackgroundColor: '#ffffff', gridSize: null }, files: {} };
  return `${JSON.stringify(scene, null, 2)}\n`;
}

export const excalidrawFormat: ExportFormat = {
  id: 'excalidraw',
  label: 'Excalidraw scene',
  extension: 'excalidraw',
  mimeType: 'application/vnd.excalidraw+json',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  render: async (input) => renderExcalidraw(input),
};
