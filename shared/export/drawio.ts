import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import type { DiagramEdge, Position } from '../model/schema';
import { captionParts } from './drawing';
import { htmlText, xmlJson, xmlText } from './escape';
import { pictureOf, tellSimplified } from './geometry';
import { NOTE_COLOUR } from '../layout/annotationBox';
import { exportId } from './ids';
import { InOrder } from './inOrder';
import { diagramMetadata, edgeMetadata, nodeMetadata } from './metadata';
import { joinPieces, PieceLines } from './pieces';
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

/** An edge cell's style before its exit and entry points, by mode. */
const EDGE_STYLE_START = 'edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;fontSize=10;labelBackgroundColor=#ffffff;';
const EDGE_STYLE = {
  sync: `${EDGE_STYLE_START}strokeColor=#475569;`,
  async: `${EDGE_STYLE_START}dashed=1;dashPattern=6 4;strokeColor=#7c3aed;`,
  offline: `${EDGE_STYLE_START}dashed=1;dashPattern=2 4;strokeColor=#94a3b8;`,
} as const;

/** A node label's start (its name in bold), escaped: `<b>`. */
const BOLD_OPEN = xmlText('<b>');

/** What a node's cell takes from its kind, escaped for an attribute: the label after the name (its kind's name), the kind, the cell's style. */
interface KindParts {
  label: string;
  attribute: string;
  style: string;
}

function kindPartsOf(id: string): KindParts {
  const kind = findKind(id);
  return {
    label: xmlText(`</b><br><font color="#64748b">${htmlText(kind?.label ?? id)}</font>`),
    attribute: xmlText(id),
    style: `rounded=1;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=${kind?.colour ?? '#64748b'};strokeWidth=2;align=left;spacingLeft=10;fontSize=12;`,
  };
}

/** The model's fields an edge cell carries (mlsd_edge): its metadata, then its label. */
// Stryker disable next-line ConditionalExpression: a label left undefined is not written in the JSON either; this only spares the copy.
const edgeFields = (edge: DiagramEdge) => (edge.label === undefined ? edgeMetadata(edge) : { ...edgeMetadata(edge), label: edge.label });

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
export function* drawioPieces(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): TextPieces {
  // The file's lines gathered into pieces (see `PieceLines`) as they are made: a piece is handed on whenever one is full.
  const out = new PieceLines();
  const { diagram, estimate, figures } = input;
  const byNode = new InOrder(estimate.nodes);
  const picture = pictureOf(diagram, captionParts(input));
  tellSimplified(picture, input.note);
  const boxOfNode = picture.boxOf;
  const groupOf = new Map(picture.groups.flatMap((g) => g.members.map((m) => [m, g] as const)));
  out.add('<mxfile host="MLSD Studio" type="device">');
  out.add(`  <diagram id="mlsd" name="${xmlText(diagram.title)}">`);
  out.add('    <mxGraphModel grid="1" gridSize="8" arrows="1" connect="1" page="0">');
  out.add('      <root>');
  const cell = '        ';
  out.add(`${cell}<mxCell id="0"/>`);
  // The layer carries what the picture does not show (title, budgets, brief), for `mlsd import`.
  out.add(`${cell}<object id="1" label="" mlsd_diagram="${xmlJson(diagramMetadata(diagram))}"><mxCell parent="0"/></object>`);
  for (const g of picture.groups) {
    out.add(`${cell}<mxCell id="${exportId('group', g.id)}" value="${xmlText(htmlText(g.label))}" style="rounded=1;whiteSpace=wrap;html=1;container=1;collapsible=0;dashed=1;fillColor=#f1f5f9;strokeColor=#94a3b8;verticalAlign=top;align=left;spacingLeft=10;fontStyle=1;fontColor=#64748b;" vertex="1" parent="1">` +
      `<mxGeometry x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" as="geometry"/></mxCell>`);
    if (out.full) yield out.take();
  }
  // Each node's cell id by its box's place, made once: its edges name it again as their source and target.
  const cellIds = picture.nodes.map((box) => exportId('node', box.id));
  // What a node's cell takes from its kind (the rest of its label after the name, its kind and style), made once a kind.
  const kindParts = new Map<string, KindParts>();
  for (const [i, node] of diagram.nodes.entries()) {
    const box = picture.nodes[i]?.id === node.id ? picture.nodes[i] : boxOfNode.get(node.id);
    if (!box) continue;
    let kind = kindParts.get(node.kind);
    // Stryker disable next-line ConditionalExpression: a kind's parts made again are the same.
    if (kind === undefined) kindParts.set(node.kind, (kind = kindPartsOf(node.kind)));
    const group = groupOf.get(node.id);
    const f = byNode.get(node.id, i);
    // The label's lines (bold name, kind, figures) joined with <br>, escaped a part at a time: the parts meet at markup, which escapes alone.
    const figureText = figures && f ? xmlText(`<br>${htmlText(figureLine(node, f).map((p) => p.text).join('  '))}`) : '';
    const tooltip = node.notes ? ` tooltip="${xmlText(htmlText(node.notes))}"` : '';
    out.add(`${cell}<object id="${cellIds[box.index]}" label="${BOLD_OPEN}${xmlText(htmlText(node.label))}${kind.label}${figureText}"${tooltip} mlsd_id="${xmlText(node.id)}" mlsd_kind="${kind.attribute}" mlsd_node="${xmlJson(nodeMetadata(node))}">` +
      `<mxCell style="${kind.style}" vertex="1" parent="${group ? exportId('group', group.id) : '1'}">` +
      `<mxGeometry x="${box.x - (group?.x ?? 0)}" y="${box.y - (group?.y ?? 0)}" width="${box.width}" height="${box.height}" as="geometry"/></mxCell></object>`);
    if (out.full) yield out.take();
  }
  for (const { edge, from, to, caption, points, label } of picture.edges) {
    const ports = points.length >= 2 ? port(points[0]!, from, 'exit') + port(points[points.length - 1]!, to, 'entry') : '';
    let waypoints = '';
    for (let p = 1; p < points.length - 1; p++) waypoints += `<mxPoint x="${round(points[p]!.x)}" y="${round(points[p]!.y)}"/>`;
    out.add(`${cell}<object id="${exportId('edge', edge.id)}" label="${caption === undefined ? '' : xmlText(htmlText(caption))}" mlsd_id="${xmlText(edge.id)}" mlsd_edge="${xmlJson(edgeFields(edge))}"><mxCell style="${EDGE_STYLE[edge.mode ?? 'sync']}${ports}" edge="1" parent="1" source="${cellIds[from.index]}" target="${cellIds[to.index]}">` +
      `<mxGeometry x="0" relative="1" as="geometry">${waypoints ? `<Array as="points">${waypoints}</Array>` : ''}${labelOffset(points, label)}</mxGeometry></mxCell></object>`);
    if (out.full) yield out.take();
  }
  for (const { annotation, x, y, width, height } of picture.annotations) {
    const style = annotation.kind === 'note'
      ? `shape=note;size=14;whiteSpace=wrap;html=1;fillColor=${annotation.colour ?? NOTE_COLOUR};strokeColor=#ca8a04;align=left;verticalAlign=top;spacingLeft=6;fontSize=13;`
      : 'text;whiteSpace=wrap;html=1;align=left;verticalAlign=top;fontSize=13;';
    out.add(`${cell}<object id="${exportId('annotation', annotation.id)}" label="${xmlText(htmlText(annotation.text))}" mlsd_annotation="${xmlText(annotation.id)}"><mxCell style="${style}" vertex="1" parent="1">` +
      `<mxGeometry x="${x}" y="${y}" width="${width}" height="${height}" as="geometry"/></mxCell></object>`);
    if (out.full) yield out.take();
  }
  out.add('      </root>');
  out.add('    </mxGraphModel>');
  out.add('  </diagram>');
  out.add('</mxfile>');
  yield out.take();
}

/** The draw.io file (see `drawioPieces`) as one string. */
export function renderDrawio(input: Pick<ExportInput, 'diagram' | 'estimate' | 'figures' | 'note'>): string {
  return joinPieces(drawioPieces(input));
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
