import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';

/** What a node carries besides what the exported picture shows (its id, label and group): kind, figures' inputs, notes, position. */
export function nodeMetadata({ id: _id, label: _label, group: _group, ...rest }: DiagramNode): Omit<DiagramNode, 'id' | 'label' | 'group'> {
  return rest;
}

/** What an edge carries besides its ends and label: mode, calls, fan-out, stage, payload. */
export function edgeMetadata({ id: _id, source: _source, target: _target, label: _label, ...rest }: DiagramEdge): Omit<DiagramEdge, 'id' | 'source' | 'target' | 'label'> {
  return rest;
}

/** What a diagram carries besides its graph: title, description, budgets, brief. */
export function diagramMetadata({ format: _format, version: _version, nodes: _nodes, edges: _edges, groups: _groups, viewport: _viewport, ...rest }: Diagram): Omit<Diagram, 'format' | 'version' | 'nodes' | 'edges' | 'groups' | 'viewport'> {
  return rest;
}

/** JSON on one line with no character a Mermaid directive, HTML or Markdown could read as syntax: they are written as \\u escapes. */
export function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(/[%<>&`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
