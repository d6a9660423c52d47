import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import type { Position } from '../model/schema';
import { captionParts } from './drawing';
import { htmlText, xmlText } from './escape';
import { pictureOf, tellSimplified } from './geometry';
import { NOTE_COLOUR } from '../layout/annotationBox';
import { exportId } from './ids';
import { InOrder } from './inOrder';
import { diagramMetadata, edgeMetadata, nodeMetadata } from './metadata';
import { joinPieces, linesAsPieces } from './pieces';
import type { ExportFormat, ExportInput, TextPieces } from './types';

type Box = { x: number; y: number; width: number; height: number };

const round = (value: number) => Math.round(value * 100) / 100;

/** Where a route meets a box, as draw.io's relative exit or entry point (0..1 across, 0..1 down). */
function port(point: Position, box: Box, name: 'exit' | 'entry'): string {
  const x = round(Math.min(1, Math.max(0, (point.x - box.x) / box.width)));
  const y = round(Math.min(1, Math.max(0, (point.y - box.y) / box.height)));
  return `${name}X=${x};${name}Y=${y};${name}Dx=0;${name}Dy=0;`;
}

/** The point halfway along a route by length: where draw.io anchors an edge's label by default (geometry x = 0). */
export function routeMidpoint(points: readonly Position[]): Position {
  const lengths = points.slice(1).map((b, i) => Math.hypot(b.x - points[i]!.x, b.y - points[i]!.y));
  let left = lengths.reduce((sum, l) => sum + l, 0) / 2;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i]!;
    if (left <= length && length > 0) {
      const t = left / length;
      return { x: points[i]!.x + (points[i + 1]!.x - points[i]!.x) * t, y: points[i]!.y + (points[i + 1]!.y - points[i]!.y) * t };
    }
    left -= length;
  }
  return points.at(-1) ?? { x: 0, y: 0 };
}

/** A label's offset from the route's midpoint to the centre of the box the layout kept for it, px, as draw.io's `offset` point. */
function labelOffset(points: readonly Position[], label: Box | undefined): string {
  if (!label || points.length < 2) return '';
  const middle = routeMidpoint(points);
  return `<mxPoint x="${round(label.x + label.width / 2 - middle.x)}" y="${round(label.y + label.height / 2 - middle.y)}" as="offset"/>`;
}

const EDGE_STYLE = {
  sync: 'strokeColor=#475569;',
  async: 'dashed=1;dashPattern=6 4;strokeColor=#7c3aed;',
  offline: 'dashed=1;dashPattern=2 4;strokeColor=#94a3b8;',
} as const;

/**
 * The diagram as a draw.io file (uncompressed mxGraph XML): groups as
 * containers, nodes at their picture boxes in their kind's colour with the
 * notes as a tooltip, edges along the picture's route (waypoints, exit and
 * entry points) dashed by mode, each caption at the centre of the box the
 * layout kept for it (an offset from the route's midpoint). Cells carry the model's own fields as
 * JSON attributes (mlsd_node, mlsd_edge, mlsd_diagram on the layer) for
 * `mlsd import`. Ids go through `exportId`; labels are HTML
 * (the cells say html=1), so text is HTML-escaped and then XML-escaped.
 */
export function drawioPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): TextPieces {
  return linesAsPieces(drawioLines(input));
}

/** The draw.io file (see `drawioPieces`) as one string. */
export function renderDrawio(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): string {
  return joinPieces(drawioPieces(input));
}

function* drawioLines(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): Generator<string, void, undefined> {
  const { diagram, estimate, figures } = input;
  const byNode = new InOrder(estimate.nodes);
  const picture = pictureOf(diagram, captionParts(input));
  tellSimplified(picture, input.note);
  const boxOfNode = picture.boxOf;
  const groupOf = new Map(picture.groups.flatMap((g) => g.members.map((m) => [m, g] as const)));
  yield '<mxfile host="MLSD Studio" type="device">';
  yield `  <diagram id="mlsd" name="${xmlText(diagram.title)}">`;
  yield '    <mxGraphModel grid="1" gridSize="8" arrows="1" connect="1" page="0">';
  yield '      <root>';
  const cell = '        ';
  yield `${cell}<mxCell id="0"/>`;
  // The layer carries what the picture does not show (title, budgets, brief), for `mlsd import`.
  yield `${cell}<object id="1" label="" mlsd_diagram="${xmlText(JSON.stringify(diagramMetadata(diagram)))}"><mxCell parent="0"/></object>`;
  for (const g of picture.groups) {
    yield `${cell}<mxCell id="${exportId('group', g.id)}" value="${xmlText(htmlText(g.label))}" style="rounded=1;whiteSpace=wrap;html=1;container=1;collapsible=0;dashed=1;fillColor=#f1f5f9;strokeColor=#94a3b8;verticalAlign=top;align=left;spacingLeft=10;fontStyle=1;fontColor=#64748b;" vertex="1" parent="1">` +
      `<mxGeometry x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" as="geometry"/></mxCell>`;
  }
  // Each node's cell id, made once: its edges name it again as their source and target.
  const cellIds = new Map<string, string>();
  const cellIdOf = (id: string) => {
    let cellId = cellIds.get(id);
    if (cellId === undefined) cellIds.set(id, (cellId = exportId('node', id)));
    return cellId;
  };
  for (const [i, node] of diagram.nodes.entries()) {
    const box = picture.nodes[i]?.id === node.id ? picture.nodes[i] : boxOfNode.get(node.id);
    if (!box) continue;
    const kind = findKind(node.kind);
    const group = groupOf.get(node.id);
    const f = byNode.get(node.id, i);
    const lines = [`<b>${htmlText(node.label)}</b>`, `<font color="#64748b">${htmlText(kind?.label ?? node.kind)}</font>`];
    if (figures && f) lines.push(htmlText(figureLine(node, f).map((p) => p.text).join('  ')));
    const tooltip = node.notes ? ` tooltip="${xmlText(htmlText(node.notes))}"` : '';
    yield `${cell}<object id="${cellIdOf(node.id)}" label="${xmlText(lines.join('<br>'))}"${tooltip} mlsd_id="${xmlText(node.id)}" mlsd_kind="${xmlText(node.kind)}" mlsd_node="${xmlText(JSON.stringify(nodeMetadata(node)))}">` +
      `<mxCell style="rounded=1;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=${kind?.colour ?? '#64748b'};strokeWidth=2;align=left;spacingLeft=10;fontSize=12;" vertex="1" parent="${group ? exportId('group', group.id) : '1'}">` +
      `<mxGeometry x="${box.x - (group?.x ?? 0)}" y="${box.y - (group?.y ?? 0)}" width="${box.width}" height="${box.height}" as="geometry"/></mxCell></object>`;
  }
  for (const { edge, from, to, caption, points, label } of picture.edges) {
    const ports = points.length >= 2 ? port(points[0]!, from, 'exit') + port(points[points.length - 1]!, to, 'entry') : '';
    const waypoints = points.slice(1, -1).map((p) => `<mxPoint x="${round(p.x)}" y="${round(p.y)}"/>`).join('');
    yield `${cell}<object id="${exportId('edge', edge.id)}" label="${xmlText(htmlText(caption ?? ''))}" mlsd_id="${xmlText(edge.id)}" mlsd_edge="${xmlText(JSON.stringify({ ...edgeMetadata(edge), ...(edge.label !== undefined && { label: edge.label }) }))}"><mxCell style="edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;fontSize=10;labelBackgroundColor=#ffffff;${EDGE_STYLE[edge.mode ?? 'sync']}${ports}" edge="1" parent="1" source="${cellIdOf(edge.source)}" target="${cellIdOf(edge.target)}">` +
      `<mxGeometry x="0" relative="1" as="geometry">${waypoints ? `<Array as="points">${waypoints}</Array>` : ''}${labelOffset(points, label)}</mxGeometry></mxCell></object>`;
  }
  for (const { annotation, x, y, width, height } of picture.annotations) {
    const style = annotation.kind === 'note'
      ? `shape=note;size=14;whiteSpace=wrap;html=1;fillColor=${annotation.colour ?? NOTE_COLOUR};strokeColor=#ca8a04;align=left;verticalAlign=top;spacingLeft=6;fontSize=13;`
      : 'text;whiteSpace=wrap;html=1;align=left;verticalAlign=top;fontSize=13;';
    yield `${cell}<object id="${exportId('annotation', annotation.id)}" label="${xmlText(htmlText(annotation.text))}" mlsd_annotation="${xmlText(annotation.id)}"><mxCell style="${style}" vertex="1" parent="1">` +
      `<mxGeometry x="${x}" y="${y}" width="${width}" height="${height}" as="geometry"/></mxCell></object>`;
  }
  yield '      </root>';
  yield '    </mxGraphModel>';
  yield '  </diagram>';
  yield '</mxfile>';
}

export const drawioFormat: ExportFormat = {
  id: 'drawio',
  label: 'draw.io diagram',
  extension: 'drawio',
  mimeType: 'application/vnd.jgraph.mxfile',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  takesPaper: false,
  readsFullEstimate: false,
  render: async (input) => drawioPieces(input),
};
