import { edgeRates } from '../estimator/edgeRates';
import { edgeCaption } from './caption';
import { figureLine } from '../figureLine';
import { findKind } from '../kinds';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/elkGraph';
import { groupBoxes } from '../layout/groupBounds';
import { xml } from './svg';
import type { ExportFormat, ExportInput } from './types';

/**
 * The diagram as a draw.io file (uncompressed mxGraph XML): groups as
 * containers, nodes at their positions in their kind's colour, edges
 * orthogonal and dashed by mode, labels with the figures.
 */
export function renderDrawio({ diagram, estimate, figures }: Pick<ExportInput, 'diagram' | 'estimate' | 'figures'>): string {
  const byNode = new Map(estimate.nodes.map((n) => [n.id, n]));
  const rates = edgeRates(diagram, estimate);
  const boxes = groupBoxes(diagram);
  const boxOf = new Map(boxes.flatMap((b) => b.members.map((m) => [m, b] as const)));
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>'];
  for (const box of boxes) {
    cells.push(
      `<mxCell id="group-${xml(box.id)}" value="${xml(box.label)}" style="rounded=1;whiteSpace=wrap;html=1;container=1;collapsible=0;dashed=1;fillColor=#f1f5f9;strokeColor=#94a3b8;verticalAlign=top;align=left;spacingLeft=10;fontStyle=1;fontColor=#64748b;" vertex="1" parent="1">` +
        `<mxGeometry x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" as="geometry"/></mxCell>`,
    );
  }
  for (const node of diagram.nodes) {
    const kind = findKind(node.kind);
    const box = boxOf.get(node.id);
    const x = (node.position?.x ?? 0) - (box?.x ?? 0);
    const y = (node.position?.y ?? 0) - (box?.y ?? 0);
    const f = byNode.get(node.id);
    const lines = [`<b>${xml(node.label)}</b>`, `<font color="#64748b">${xml(kind?.label ?? node.kind)}</font>`];
    if (figures && f) lines.push(xml(figureLine(node, f).map((p) => p.text).join('  ')));
    const value = lines.join('<br>');
    cells.push(
      `<mxCell id="${xml(node.id)}" value="${xml(value)}" style="rounded=1;whiteSpace=wrap;html=1;fillColor=#ffffff;strokeColor=${kind?.colour ?? '#64748b'};strokeWidth=2;align=left;spacingLeft=10;fontSize=12;" vertex="1" parent="${box ? `group-${xml(box.id)}` : '1'}">` +
        `<mxGeometry x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" as="geometry"/></mxCell>`,
    );
  }
  for (const edge of diagram.edges) {
    const mode = edge.mode ?? 'sync';
    const dash = mode === 'async' ? 'dashed=1;dashPattern=6 4;strokeColor=#7c3aed;' : mode === 'offline' ? 'dashed=1;dashPattern=2 4;strokeColor=#94a3b8;' : 'strokeColor=#475569;';
    const parts = edgeCaption(edge, rates.get(edge.id)?.peak, figures);
    cells.push(
      `<mxCell id="edge-${xml(edge.id)}" value="${xml(parts.join(' · '))}" style="edgeStyle=orthogonalEdgeStyle;rounded=1;html=1;endArrow=block;endFill=1;fontSize=10;${dash}" edge="1" parent="1" source="${xml(edge.source)}" target="${xml(edge.target)}">` +
        '<mxGeometry relative="1" as="geometry"/></mxCell>',
    );
  }
  return [
    '<mxfile host="MLSD Studio" type="device">',
    `  <diagram id="mlsd" name="${xml(diagram.title)}">`,
    '    <mxGraphModel grid="1" gridSize="8" arrows="1" connect="1" page="0">',
    '      <root>',
    ...cells.map((c) => `        ${c}`),
    '      </root>',
    '    </mxGraphModel>',
    '  </diagram>',
    '</mxfile>',
    '',
  ].join('\n');
}

export const drawioFormat: ExportFormat = {
  id: 'drawio',
  label: 'draw.io diagram',
  extension: 'drawio',
  mimeType: 'application/vnd.jgraph.mxfile',
  binary: false,
  takesFigures: true,
  takesTheme: false,
  render: async (input) => renderDrawio(input),
};
