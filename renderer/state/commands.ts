import { findKind } from '../../shared/kinds';
import { carriesLoad, findLoadCycles } from '../../shared/model/graph';
import type { Annotation, Diagram, DiagramEdge, DiagramNode, Position } from '../../shared/model/schema';
import type { Selection } from './store';

/** An id not yet taken: `base`, or its stem numbered (`cache2`, `e7`). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '').replace(/^[^A-Za-z]+/, '') || 'node';
  if (!taken.has(clean)) return clean;
  const stem = clean.replace(/\d+$/, '') || clean;
  for (let i = 2; ; i++) if (!taken.has(`${stem}${i}`)) return `${stem}${i}`;
}

/**
 * A label no other node has: `label` itself when free, else its stem with the
 * lowest free number ("Ranker 2", then "Ranker 3"), so diagnostics that name a
 * node name only one.
 */
export function numberedLabel(label: string, taken: ReadonlySet<string>): string {
  if (!taken.has(label)) return label;
  const stem = label.replace(/ \d+$/, '') || label;
  for (let i = 2; ; i++) if (!taken.has(`${stem} ${i}`)) return `${stem} ${i}`;
}

/** Adds a node of a kind with its palette defaults; returns its id. */
export function addNode(draft: Diagram, kindId: string, position: Position): string {
  const kind = findKind(kindId);
  if (!kind) throw new Error(`unknown kind ${kindId}`);
  const taken = new Set(draft.nodes.map((n) => n.id));
  const id = uniqueId(kindId, taken);
  const node: DiagramNode = {
    id,
    kind: kind.id as DiagramNode['kind'],
    label: numberedLabel(kind.label, new Set(draft.nodes.map((n) => n.label))),
    position: { x: Math.round(position.x), y: Math.round(position.y) },
    ...structuredClone(kind.defaults),
  };
  draft.nodes.push(node);
  return id;
}

/** The chain of sync/async calls from one node to another (both included), or null when there is none. */
function callPath(doc: Pick<Diagram, 'edges'>, from: string, to: string): string[] | null {
  const cameFrom = new Map<string, string>([[from, from]]);
  const queue = [from];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (id === to) {
      const path = [to];
      while (path[0] !== from) path.unshift(cameFrom.get(path[0]!)!);
      return path;
    }
    for (const e of doc.edges) {
      if (e.source !== id || !carriesLoad(e) || cameFrom.has(e.target)) continue;
      cameFrom.set(e.target, id);
      queue.push(e.target);
    }
  }
  return null;
}

/** Every id in a document: nodes, edges, groups and annotations share one namespace. */
function takenIds(doc: Diagram): Set<string> {
  return new Set([...doc.nodes, ...doc.edges, ...(doc.groups ?? []), ...(doc.annotations ?? [])].map((item) => item.id));
}

/** Adds a sticky note or free text at a point; returns its id. */
export function addAnnotation(draft: Diagram, kind: Annotation['kind'], position: Position, text: string): string {
  const id = uniqueId(kind === 'note' ? 'note1' : 'text1', takenIds(draft));
  (draft.annotations ??= []).push({ id, kind, text, position: { x: Math.round(position.x), y: Math.round(position.y) } });
  return id;
}

/** Replaces an annotation's text (trimmed, at most 2000 characters); empty text removes the annotation. */
export function setAnnotationText(draft: Diagram, id: string, text: string): void {
  const trimmed = text.trim().slice(0, 2000);
  if (!trimmed) {
    draft.annotations = draft.annotations?.filter((a) => a.id !== id);
    return;
  }
  const annotation = draft.annotations?.find((a) => a.id === id);
  if (annotation) annotation.text = trimmed;
}

/** Why an edge cannot be drawn from source to target, in a person's words, or null when it can. */
export function connectionProblem(doc: Pick<Diagram, 'nodes' | 'edges'>, source: string, target: string, mode: DiagramEdge['mode'] = 'sync'): string | null {
  const name = (id: string) => `"${doc.nodes.find((n) => n.id === id)?.label ?? id}"`;
  if (source === target) return `${name(source)} cannot call itself`;
  const targetNode = doc.nodes.find((n) => n.id === target);
  if (targetNode?.kind === 'traffic') return `${name(target)} is a traffic entry: load only leaves it, nothing can call a traffic node`;
  if ((mode ?? 'sync') === 'offline') return null;
  const trial = { nodes: doc.nodes, edges: [...doc.edges, { id: '__trial', source, target, mode }] };
  if (findLoadCycles(trial).length === 0) return null;
  const path = callPath(doc, target, source);
  const through = path && path.length > 2 ? ` through ${path.slice(1, -1).map(name).join(', ')}` : '';
  return `${name(target)} already calls ${name(source)}${through}, so this would close a loop of calls; draw feedback as an offline edge`;
}

/** The edge a new connection of this mode would repeat: same source, target and mode. */
export function sameConnection(doc: Pick<Diagram, 'edges'>, source: string, target: string, mode: DiagramEdge['mode'] = 'sync'): DiagramEdge | undefined {
  return doc.edges.find((e) => e.source === source && e.target === target && (e.mode ?? 'sync') === (mode ?? 'sync'));
}

/** Connects two nodes; returns the new edge id. */
export function connect(draft: Diagram, source: string, target: string, mode: DiagramEdge['mode'] = 'sync'): string {
  const id = uniqueId('e1', new Set(draft.edges.map((e) => e.id)));
  const edge: DiagramEdge = { id, source, target };
  if (mode !== 'sync') edge.mode = mode;
  draft.edges.push(edge);
  return id;
}

/** Removes the selected nodes, edges and annotations, and the edges of removed nodes. */
export function deleteSelection(draft: Diagram, selection: Selection): void {
  const nodes = new Set(selection.nodes);
  const edges = new Set(selection.edges);
  draft.nodes = draft.nodes.filter((n) => !nodes.has(n.id));
  draft.edges = draft.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target));
  const annotations = new Set(selection.annotations);
  if (annotations.size > 0 && draft.annotations) draft.annotations = draft.annotations.filter((a) => !annotations.has(a.id));
}

/** Moves nodes by a delta, in px. */
export function moveNodes(draft: Diagram, ids: readonly string[], dx: number, dy: number): void {
  const set = new Set(ids);
  for (const node of draft.nodes) {
    if (!set.has(node.id)) continue;
    const p = node.position ?? { x: 0, y: 0 };
    node.position = { x: p.x + dx, y: p.y + dy };
  }
}

/** What the clipboard holds: nodes, the edges among them, and sticky notes or free text. */
export interface Clip {
  format: 'mlsd-studio/clip';
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  annotations?: Annotation[];
}

/** Copies the selected nodes, the edges between them and the selected annotations to a clip; null when none is selected. */
export function copySelection(doc: Diagram, selection: Selection): Clip | null {
  const ids = new Set(selection.nodes);
  const notes = new Set(selection.annotations);
  const annotations = (doc.annotations ?? []).filter((a) => notes.has(a.id));
  if (ids.size === 0 && annotations.length === 0) return null;
  return {
    format: 'mlsd-studio/clip',
    nodes: structuredClone(doc.nodes.filter((n) => ids.has(n.id))),
    edges: structuredClone(doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target))),
    ...(annotations.length > 0 && { annotations: structuredClone(annotations) }),
  };
}

/** Pastes a clip with fresh ids and numbered labels ("Ranker 2"), offset from the originals; returns the new selection. */
export function paste(draft: Diagram, clip: Clip, offset: Position): Selection {
  const nodeIds = new Set(draft.nodes.map((n) => n.id));
  const edgeIds = new Set(draft.edges.map((e) => e.id));
  const groups = new Set((draft.groups ?? []).map((g) => g.id));
  const labels = new Set(draft.nodes.map((n) => n.label));
  const renamed = new Map<string, string>();
  const selection: Selection = { nodes: [], edges: [] };
  for (const node of clip.nodes) {
    const id = uniqueId(node.id, nodeIds);
    nodeIds.add(id);
    renamed.set(node.id, id);
    const p = node.position ?? { x: 0, y: 0 };
    const label = numberedLabel(node.label, labels);
    labels.add(label);
    const copy: DiagramNode = { ...structuredClone(node), id, label, position: { x: p.x + offset.x, y: p.y + offset.y } };
    if (copy.group && !groups.has(copy.group)) delete copy.group;
    draft.nodes.push(copy);
    selection.nodes.push(id);
  }
  for (const edge of clip.edges) {
    const id = uniqueId(edge.id, edgeIds);
    edgeIds.add(id);
    draft.edges.push({ ...structuredClone(edge), id, source: renamed.get(edge.source)!, target: renamed.get(edge.target)! });
    selection.edges.push(id);
  }
  const taken = takenIds(draft);
  for (const annotation of clip.annotations ?? []) {
    const id = uniqueId(annotation.id, taken);
    taken.add(id);
    const { x, y } = annotation.position;
    (draft.annotations ??= []).push({ ...structuredClone(annotation), id, position: { x: x + offset.x, y: y + offset.y } });
    (selection.annotations ??= []).push(id);
  }
  return selection;
}

/** A new, empty diagram. */
export function emptyDiagram(title = 'Untitled design'): Diagram {
  return {
    format: 'mlsd-studio/diagram',
    version: 1,
    title,
    groups: [{ id: 'online', label: 'Online serving' }, { id: 'offline', label: 'Offline pipelines' }],
    nodes: [],
    edges: [],
  };
}

/** Puts the given nodes in a new group; returns its id. */
export function groupNodes(draft: Diagram, ids: readonly string[], label = 'Group'): string {
  const groups = (draft.groups ??= []);
  const id = uniqueId('group', new Set(groups.map((g) => g.id)));
  groups.push({ id, label: numberedLabel(label, new Set(groups.map((g) => g.label))) });
  const set = new Set(ids);
  for (const node of draft.nodes) if (set.has(node.id)) node.group = id;
  return id;
}

/** Takes the given nodes out of their groups, and drops groups left empty. */
export function ungroupNodes(draft: Diagram, ids: readonly string[]): void {
  const set = new Set(ids);
  const left = new Set<string>();
  for (const node of draft.nodes) {
    if (!set.has(node.id) || !node.group) continue;
    left.add(node.group);
    delete node.group;
  }
  if (draft.groups) draft.groups = draft.groups.filter((g) => !left.has(g.id) || draft.nodes.some((n) => n.group === g.id));
}

/** Renames a group. */
export function renameGroup(draft: Diagram, id: string, label: string): void {
  const group = draft.groups?.find((g) => g.id === id);
  if (group) group.label = label;
}
