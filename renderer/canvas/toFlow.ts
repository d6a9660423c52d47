import type { Edge, Node } from '@xyflow/react';
import type { Estimate, NodeEstimate } from '../../shared/estimator/output';
import { edgeRates } from '../../shared/estimator/edgeRates';
import type { EdgeGeometry } from '../../shared/layout/edgeGeometry';
import { groupBoxes } from '../../shared/layout/groupBounds';
import { nodeSize } from '../../shared/layout/sizes';
import { annotationBox } from '../../shared/layout/annotationBox';
import type { Annotation, Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';
import type { Selection } from '../state/store';

export interface ComponentData extends Record<string, unknown> {
  node: DiagramNode;
  figures?: NodeEstimate;
  severity?: 'error' | 'warning';
}

export interface AnnotationData extends Record<string, unknown> {
  annotation: Annotation;
  lines: string[];
}

/** Prefix of an annotation's React Flow node id, so it never collides with a component's id. */
export const ANNOTATION_PREFIX = 'note:';

/** The annotation id of a React Flow node id, or null when the node is not an annotation. */
export function annotationIdOf(flowId: string): string | null {
  return flowId.startsWith(ANNOTATION_PREFIX) ? flowId.slice(ANNOTATION_PREFIX.length) : null;
}

/** Sticky notes and free text, above the groups and below nothing else. */
export function annotationNodes(doc: Diagram, selection: Selection): Node<AnnotationData>[] {
  const selected = new Set(selection.annotations);
  return (doc.annotations ?? []).map((annotation) => {
    const { width, height, lines } = annotationBox(annotation);
    return {
      id: `${ANNOTATION_PREFIX}${annotation.id}`,
      type: 'annotation',
      position: annotation.position,
      data: { annotation, lines },
      width,
      height,
      measured: { width, height },
      selected: selected.has(annotation.id),
      connectable: false,
      ariaLabel: `${annotation.kind === 'note' ? 'Sticky note' : 'Text'}: ${annotation.text}`,
    };
  });
}

export interface GroupData extends Record<string, unknown> {
  label: string;
  members: string[];
}

export interface FlowEdgeData extends Record<string, unknown> {
  edge: DiagramEdge;
  peakQps?: number;
  /** Route, caption room and stage marker, shared with the exports. */
  geometry?: EdgeGeometry;
}

/** Group containers drawn around their members' current positions. */
export function groupNodes(doc: Diagram): Node<GroupData>[] {
  return groupBoxes(doc).map((box) => ({
    id: `group:${box.id}`,
    type: 'group',
    position: { x: box.x, y: box.y },
    data: { label: box.label, members: box.members },
    width: box.width,
    height: box.height,
    measured: { width: box.width, height: box.height },
    zIndex: -1,
    selected: false,
    selectable: false,
    draggable: true,
    connectable: false,
    focusable: false,
    ariaLabel: `Group ${box.label}`,
  }));
}

/** The React Flow nodes of a diagram: its groups, then its components with their live figures, then its annotations. */
export function flowNodes(doc: Diagram, estimate: Estimate | null, selection: Selection): Node[] {
  const figures = new Map(estimate?.nodes.map((n) => [n.id, n]));
  const severity = new Map<string, 'error' | 'warning'>();
  for (const d of estimate?.diagnostics ?? []) {
    if (!d.node || d.severity === 'info') continue;
    if (d.severity === 'error' || !severity.has(d.node)) severity.set(d.node, d.severity);
  }
  const selected = new Set(selection.nodes);
  const components = doc.nodes.map((node): Node<ComponentData> => {
    const { width, height } = nodeSize(node.label);
    return {
      id: node.id,
      type: 'component',
      position: node.position ?? { x: 0, y: 0 },
      data: { node, figures: figures.get(node.id), severity: severity.get(node.id) },
      width,
      height,
      measured: { width, height },
      selected: selected.has(node.id),
      ariaLabel: node.label,
    };
  });
  return [...groupNodes(doc), ...components, ...annotationNodes(doc, selection)];
}

/** The React Flow edges of a diagram, with the rate each carries and where it is drawn (see edgeGeometry). */
export function flowEdges(doc: Diagram, estimate: Estimate | null, selection: Selection, geometry: readonly EdgeGeometry[] = []): Edge<FlowEdgeData>[] {
  const rates = estimate ? edgeRates(doc, estimate) : new Map();
  const drawn = new Map(geometry.map((g) => [g.edge.id, g]));
  const selected = new Set(selection.edges);
  return doc.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: 'flow',
    data: { edge, peakQps: rates.get(edge.id)?.peak, geometry: drawn.get(edge.id) },
    selected: selected.has(edge.id),
    ariaLabel: `${edge.mode ?? 'sync'} edge from ${edge.source} to ${edge.target}`,
  }));
}
