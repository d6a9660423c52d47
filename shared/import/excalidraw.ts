import { findKind } from '../kinds';
import type { Annotation, Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { emptyReport, fitLabel, keptPosition, uniqueId, type ImportReport, type ImportResult } from './common';
import { arrowEnds, encloses, holds, sceneElements, smallest, type SceneElement } from './excalidrawScene';
import { guessedNode } from './guess';

const SHAPES = new Set(['rectangle', 'ellipse', 'diamond']);
const FRAMES = new Set(['frame', 'magicframe']);
/** How far from a shape an unbound arrow's end may be and still be taken to join it, in scene units. */
const REACH = 12;

/** A readable id from a label: "Feature store" gives "feature-store". */
function slug(label: string, fallback: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || fallback;
}

/** Text without white space, to tell whether a wrapped text still says what was exported. */
const bare = (text: string) => text.replace(/\s+/g, '');

/** A group taken from the scene: an exported group box, a frame, a box drawn around shapes, or elements grouped together. */
interface SceneGroup {
  id: string;
  label: string;
  box?: SceneElement;
}

/**
 * A diagram from an Excalidraw scene. A scene MLSD Studio exported comes
 * back whole (its elements carry the model in `customData`), with what was
 * moved or renamed in Excalidraw; any other scene is read as drawn:
 * rectangles, ellipses and diamonds with their bound or enclosed text as
 * nodes (kinds guessed from labels), arrows as edges (bound ends, or the
 * shape under an unbound end; dashed async, dotted offline), frames, boxes
 * drawn around shapes and grouped elements as groups, other text as text
 * on the canvas. Positions are kept.
 */
export function importExcalidraw(text: string): ImportResult {
  const scene = sceneElements(text);
  if (!scene.ok) return scene;
  const report = emptyReport('Excalidraw scene');
  const elements = scene.elements;
  const byId = new Map(elements.map((e) => [e.id, e]));
  const isAnnotation = (e: SceneElement) => typeof e.customData.mlsdAnnotation === 'string';
  const isGroupBox = (e: SceneElement) => typeof e.customData.mlsdGroup === 'string';
  const texts = elements.filter((e) => e.type === 'text');
  const boundText = new Map(texts.filter((t) => t.containerId && byId.has(t.containerId)).map((t) => [t.containerId!, t]));
  const arrows = elements.filter((e) => e.type === 'arrow');
  const bound = new Set(arrows.flatMap((a) => [a.startBinding, a.endBinding]));
  const shapes = elements.filter((e) => SHAPES.has(e.type) && !isAnnotation(e) && !isGroupBox(e));
  // A plain box drawn around other shapes, with no arrow to it, is a group's frame.
  const drawnGroups = shapes.filter((s) => s.type === 'rectangle' && typeof s.customData.mlsdId !== 'string' && !bound.has(s.id) && shapes.some((o) => o !== s && encloses(s, o)));
  const nodeShapes = shapes.filter((s) => !drawnGroups.includes(s));
  const usedTexts = new Set<SceneElement>([...boundText.values()]);
  // Free text inside a shape is its label when nothing is bound to it.
  const enclosedText = new Map<string, SceneElement>();
  for (const t of texts) {
    if (t.containerId || isAnnotation(t) || /-label$/.test(t.id) && byId.get(t.id.slice(0, -6))) continue;
    const owner = smallest([...nodeShapes, ...drawnGroups], (s) => !boundText.has(s.id) && !enclosedText.has(s.id) && holds(s, t.x + t.width / 2, t.y + t.height / 2));
    if (owner) {
      enclosedText.set(owner.id, t);
      usedTexts.add(t);
    }
  }
  const labelOf = (e: SceneElement) => (boundText.get(e.id) ?? enclosedText.get(e.id))?.text ?? '';

  const groupTaken = new Set<string>();
  const groups = new Map<string, SceneGroup>();
  const addGroup = (key: string, wanted: string, label: string, box?: SceneElement) => groups.set(key, { id: uniqueId(wanted, groupTaken), label, ...(box && { box }) });
  for (const g of elements.filter(isGroupBox)) {
    const caption = byId.get(`${g.id}-label`);
    if (caption) usedTexts.add(caption);
    const id = g.customData.mlsdGroup as string;
    addGroup(g.id, id, fitLabel(caption?.text ?? '', id, `group "${id}"`, report), g);
  }
  for (const f of elements.filter((e) => FRAMES.has(e.type))) addGroup(f.id, slug(f.name ?? '', 'frame'), fitLabel(f.name ?? '', 'Frame', `frame "${f.id}"`, report), f);
  for (const d of drawnGroups) addGroup(d.id, slug(labelOf(d), 'group'), fitLabel(labelOf(d), 'Group', `box "${d.id}"`, report), d);
  // Elements grouped together (Ctrl+G) make a group when two or more shapes share it: the outermost such group.
  const sharedGroup = (s: SceneElement) => [...s.groupIds].reverse().find((g) => nodeShapes.filter((o) => o.groupIds.includes(g)).length >= 2);
  const boxes = [...groups.entries()].filter(([, g]) => g.box).map(([key, g]) => ({ key, ...g.box! }));
  const groupOf = (s: SceneElement): string | undefined => {
    const exported = typeof s.customData.mlsdInGroup === 'string' ? [...groups.entries()].find(([, g]) => g.box && isGroupBox(g.box) && g.box.customData.mlsdGroup === s.customData.mlsdInGroup) : undefined;
    if (exported && encloses(exported[1].box!, s)) return exported[0];
    if (s.frameId && groups.has(s.frameId)) return s.frameId;
    const around = smallest(boxes, (b) => encloses(b, s));
    if (around) return around.key;
    const shared = sharedGroup(s);
    if (!shared) return undefined;
    if (!groups.has(shared)) {
      const caption = texts.find((t) => t.groupIds.includes(shared) && !usedTexts.has(t) && !t.containerId);
      if (caption) usedTexts.add(caption);
      addGroup(shared, slug(caption?.text ?? '', 'group'), fitLabel(caption?.text ?? '', `Group ${groups.size + 1}`, `group "${shared}"`, report));
    }
    return shared;
  };

  const nodeTaken = new Set<string>();
  const nodeIds = new Map<string, string>();
  const nodes = nodeShapes.map((s): DiagramNode => {
    const meta = s.customData;
    const exportedId = typeof meta.mlsdId === 'string' ? meta.mlsdId : undefined;
    const written = labelOf(s);
    const id = uniqueId(exportedId ?? slug(written, s.type), nodeTaken);
    nodeIds.set(s.id, id);
    const groupKey = groupOf(s);
    const group = groupKey ? groups.get(groupKey)!.id : undefined;
    const position = keptPosition(s.x, s.y, `${s.type} "${s.id}"`, report);
    const kind = typeof meta.kind === 'string' && findKind(meta.kind) ? meta.kind : undefined;
    if (!exportedId || !kind) {
      const label = fitLabel(written, s.type === 'rectangle' ? 'Box' : s.type === 'ellipse' ? 'Ellipse' : 'Diamond', `${s.type} "${s.id}"`, report);
      return guessedNode({ id, label, ...(group && { group }), ...(position && { position }) }, s.type, report);
    }
    report.kept++;
    const { mlsdId: _id, mlsdLabel, mlsdInGroup: _group, mlsdDiagram: _diagram, ...fields } = meta;
    // The exported label stands while the text still says it; a label edited in Excalidraw wins.
    const kindLine = written.split('\n').lastIndexOf(findKind(kind)!.label);
    const edited = written.split('\n').slice(0, kindLine > 0 ? kindLine : 1).join(' ');
    const label = typeof mlsdLabel === 'string' && bare(written).startsWith(bare(mlsdLabel)) ? mlsdLabel : fitLabel(edited, id, `node "${exportedId}"`, report);
    return { id, label, ...(group && { group }), ...fields, ...(position && { position }), kind } as DiagramNode;
  });

  const edges = arrowEdges(arrows, nodeShapes, nodeIds, boundText, report);
  for (const t of [...boundText.values()]) usedTexts.add(t);
  const meta = elements.map((e) => e.customData.mlsdDiagram).find((m) => m !== null && typeof m === 'object') as Record<string, unknown> | undefined;
  const taken = new Set([...nodeTaken, ...groupTaken, ...edges.map((e) => e.id)]);
  const annotations = [...exportedAnnotations(meta, elements, boundText, report), ...texts.filter((t) => !usedTexts.has(t) && !isAnnotation(t) && t.text.trim() !== '').map((t): Annotation => {
    return { id: uniqueId(slug(`text-${t.text}`, 'text'), taken), kind: 'text', text: t.text.slice(0, 2000), position: keptPosition(t.x, t.y, `text "${t.id}"`, report) ?? { x: 0, y: 0 } };
  })];
  const ignored = elements.filter((e) => !SHAPES.has(e.type) && !FRAMES.has(e.type) && e.type !== 'text' && e.type !== 'arrow');
  if (ignored.length > 0) report.notes.push(`${ignored.length === 1 ? '1 element' : `${ignored.length} elements`} other than shapes, arrows, text and frames left out (${[...new Set(ignored.map((e) => e.type))].join(', ')})`);
  if (!meta && report.kept > 0) report.notes.push("the scene lost the diagram's title, budgets and brief (they travel on its first element): the title is the file's name");
  const { annotations: _annotations, ...rest } = meta ?? {};
  const diagram = {
    format: 'mlsd-studio/diagram', version: 1,
    ...rest,
    ...(groups.size > 0 && { groups: [...groups.values()].map((g) => ({ id: g.id, label: g.label })) }), nodes, edges,
    ...(annotations.length > 0 && { annotations }),
  } as Diagram;
  return { ok: true, diagram, report };
}

/** The node an arrow's end joins: the shape it is bound to (or the shape holding the text it is bound to), else the shape under the end. */
function endOf(binding: string | undefined, at: [number, number], shapes: readonly SceneElement[], texts: ReadonlyMap<string, SceneElement>): { shape?: SceneElement; guessed: boolean } {
  const direct = binding === undefined ? undefined : shapes.find((s) => s.id === binding) ?? shapes.find((s) => texts.get(s.id)?.id === binding);
  if (direct) return { shape: direct, guessed: false };
  const under = smallest(shapes, (s) => holds(s, at[0], at[1], REACH));
  return { ...(under && { shape: under }), guessed: true };
}

/** The scene's arrows as edges, with the report saying which ends were found by position and which arrows were left out. */
function arrowEdges(arrows: readonly SceneElement[], shapes: readonly SceneElement[], nodeIds: ReadonlyMap<string, string>, texts: ReadonlyMap<string, SceneElement>, report: ImportReport): DiagramEdge[] {
  const taken = new Set<string>();
  return arrows.flatMap((a, i): DiagramEdge[] => {
    const { start, end } = arrowEnds(a);
    const from = endOf(a.startBinding, start, shapes, texts);
    const to = endOf(a.endBinding, end, shapes, texts);
    const where = `arrow "${a.id}"`;
    if (!from.shape || !to.shape) {
      report.notes.push(`${where} does not join two shapes at its ${!from.shape ? 'start' : 'end'}, left out`);
      return [];
    }
    if (from.guessed || to.guessed) report.notes.push(`${where} is not bound at its ${from.guessed && to.guessed ? 'ends' : from.guessed ? 'start' : 'end'}: joined to the shape under it`);
    const meta = a.customData;
    // An arrow with its only head at the start calls the other way.
    const reversed = !meta.mlsdId && a.startArrowhead && !a.endArrowhead;
    const [source, target] = reversed ? [to.shape, from.shape] : [from.shape, to.shape];
    if (typeof meta.mlsdId === 'string') {
      const { mlsdId, ...fields } = meta;
      return [{ id: uniqueId(mlsdId, taken), source: nodeIds.get(source.id)!, target: nodeIds.get(target.id)!, ...fields } as DiagramEdge];
    }
    const caption = texts.get(a.id)?.text.replace(/\s+/g, ' ').trim();
    const mode = a.strokeStyle === 'dotted' ? 'offline' : a.strokeStyle === 'dashed' ? 'async' : undefined;
    return [{ id: uniqueId(`e${i + 1}`, taken), source: nodeIds.get(source.id)!, target: nodeIds.get(target.id)!, ...(mode && { mode }), ...(caption && { label: fitLabel(caption, '', where, report) }) }];
  });
}

/** Sticky notes and text MLSD Studio exported, with the text and place they have now (they may have been edited in Excalidraw). */
function exportedAnnotations(meta: Record<string, unknown> | undefined, elements: readonly SceneElement[], texts: ReadonlyMap<string, SceneElement>, report: ImportReport): Annotation[] {
  if (!Array.isArray(meta?.annotations)) return [];
  const byAnnotation = new Map(elements.filter((e) => typeof e.customData.mlsdAnnotation === 'string').map((e) => [e.customData.mlsdAnnotation as string, e]));
  return (meta.annotations as Annotation[]).flatMap((a) => {
    const e = byAnnotation.get(a.id);
    if (!e) return [];
    const written = e.type === 'text' ? e.text : texts.get(e.id)?.text ?? '';
    const position = keptPosition(e.x, e.y, `note "${a.id}"`, report);
    // Wrapped text that still says the same keeps its own line breaks.
    return [{ ...a, text: bare(written) === bare(a.text) || written.trim() === '' ? a.text : written, ...(position && { position }) }];
  });
}
