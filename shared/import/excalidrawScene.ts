import { parseJson } from '../model/load';
import { tooMany } from './limits';

/** The fields of an Excalidraw element the import reads, each checked for its type as it is read. */
export interface SceneElement {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
  containerId?: string;
  startBinding?: string;
  endBinding?: string;
  /** Points of an arrow, relative to (x, y). */
  points: [number, number][];
  strokeStyle: string;
  startArrowhead: boolean;
  endArrowhead: boolean;
  groupIds: string[];
  frameId?: string;
  name?: string;
  customData: Record<string, unknown>;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const record = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

function element(raw: Record<string, unknown>): SceneElement {
  const points = Array.isArray(raw.points) ? raw.points.filter((p): p is unknown[] => Array.isArray(p) && p.length >= 2).map((p) => [num(p[0]), num(p[1])] as [number, number]) : [];
  const containerId = str(raw.containerId);
  const startBinding = str(record(raw.startBinding)?.elementId);
  const endBinding = str(record(raw.endBinding)?.elementId);
  const frameId = str(raw.frameId);
  const name = str(raw.name);
  return {
    id: str(raw.id)!, type: str(raw.type) ?? '', x: num(raw.x), y: num(raw.y), width: Math.abs(num(raw.width)), height: Math.abs(num(raw.height)),
    text: str(raw.originalText) ?? str(raw.text) ?? '', points, strokeStyle: str(raw.strokeStyle) ?? 'solid',
    startArrowhead: raw.startArrowhead !== null && raw.startArrowhead !== undefined, endArrowhead: raw.endArrowhead !== null && raw.endArrowhead !== undefined || raw.type === 'arrow' && !('endArrowhead' in raw),
    groupIds: Array.isArray(raw.groupIds) ? raw.groupIds.filter((g): g is string => typeof g === 'string') : [],
    customData: record(raw.customData) ?? {},
    ...(containerId && { containerId }), ...(startBinding && { startBinding }), ...(endBinding && { endBinding }), ...(frameId && { frameId }), ...(name && { name }),
  };
}

/**
 * The live elements of an Excalidraw scene (a `.excalidraw` file or a copied
 * clip), deleted ones left out, or why the text is not one.
 */
export function sceneElements(text: string): { ok: true; elements: SceneElement[] } | { ok: false; problems: string[] } {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [parsed.message] };
  const scene = record(parsed.value);
  if (!scene || (scene.type !== 'excalidraw' && scene.type !== 'excalidraw/clipboard')) {
    return { ok: false, problems: ['type: not an Excalidraw scene (its "type" must be "excalidraw"); an MLSD Studio diagram opens with File > Open'] };
  }
  if (!Array.isArray(scene.elements)) return { ok: false, problems: ['elements: must be a list'] };
  const many = tooMany(scene.elements.length, 'elements');
  if (many) return { ok: false, problems: [`elements: ${many}`] };
  const problems: string[] = [];
  const elements: SceneElement[] = [];
  scene.elements.forEach((raw: unknown, i) => {
    const value = record(raw);
    if (!value || typeof value.id !== 'string' || value.id === '') problems.push(`elements[${i}]: an element needs a text "id"`);
    else if (value.isDeleted !== true) elements.push(element(value));
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 20) } : { ok: true, elements };
}

/** A box in scene coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether a point lies inside a box, give or take `margin`. */
export function holds(box: Box, x: number, y: number, margin = 0): boolean {
  return x >= box.x - margin && x <= box.x + box.width + margin && y >= box.y - margin && y <= box.y + box.height + margin;
}

/** Whether `outer` holds all of `inner`. */
export function encloses(outer: Box, inner: Box): boolean {
  return holds(outer, inner.x, inner.y) && holds(outer, inner.x + inner.width, inner.y + inner.height) && outer.width * outer.height > inner.width * inner.height;
}

/** The smallest box of a list that `test` accepts, or undefined. */
export function smallest<T extends Box>(boxes: readonly T[], test: (box: T) => boolean): T | undefined {
  let best: T | undefined;
  for (const box of boxes) if (test(box) && (!best || box.width * box.height < best.width * best.height)) best = box;
  return best;
}

/** Where an arrow starts and ends, in scene coordinates. */
export function arrowEnds(arrow: SceneElement): { start: [number, number]; end: [number, number] } {
  const first = arrow.points[0] ?? [0, 0];
  const last = arrow.points.at(-1) ?? [arrow.width, arrow.height];
  return { start: [arrow.x + first[0], arrow.y + first[1]], end: [arrow.x + last[0], arrow.y + last[1]] };
}
