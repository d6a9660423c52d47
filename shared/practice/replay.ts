import { applyPatches, enablePatches } from 'immer';
import { PRACTICE_LIMITS, type ReplayEvent } from '../model/practiceSchema';
import type { Diagram } from '../model/schema';

enablePatches();

/** One recorded change: add, replace or remove the value at a path. */
export type ReplayPatch = ReplayEvent['patches'][number];
type Path = ReplayPatch['path'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The changes that turn `before` into `after`, as the fewest paths it can
 * cheaply find: subtrees that are the same object (immer shares what an
 * edit leaves alone) are skipped, objects and arrays are compared member by
 * member, an array that shrinks loses its last items. Undefined members
 * count as absent, as in JSON.
 */
export function diffPatches(before: unknown, after: unknown, path: Path = []): ReplayPatch[] {
  if (before === after) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const patches: ReplayPatch[] = [];
    const common = Math.min(before.length, after.length);
    for (let i = 0; i < common; i++) patches.push(...diffPatches(before[i], after[i], [...path, i]));
    for (let i = common; i < after.length; i++) patches.push({ op: 'add', path: [...path, i], value: after[i] });
    for (let i = before.length - 1; i >= common; i--) patches.push({ op: 'remove', path: [...path, i] });
    return patches;
  }
  if (isObject(before) && isObject(after)) {
    const patches: ReplayPatch[] = [];
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (before[key] === undefined) patches.push({ op: 'add', path: [...path, key], value });
      else patches.push(...diffPatches(before[key], value, [...path, key]));
    }
    for (const [key, value] of Object.entries(before)) {
      if (value !== undefined && after[key] === undefined) patches.push({ op: 'remove', path: [...path, key] });
    }
    return patches;
  }
  return [{ op: 'replace', path, value: after }];
}

/** What a replay reproduces of a document: all of it but the replay log itself and the running clock. */
export function replayContent(doc: Diagram): Diagram {
  if (!doc.practice) return doc;
  const { log: _log, elapsedMs: _elapsed, ...kept } = doc.practice;
  return { ...doc, practice: kept as Diagram['practice'] };
}

/**
 * The log with one more event: the change from `before` to `after` at
 * practice time `atMs`, or the same log when nothing a replay shows changed.
 * At most `PRACTICE_LIMITS.replayEvents` events are kept: the oldest give
 * way, and the replay then starts from the design as it was after them.
 */
export function recordChange(log: readonly ReplayEvent[], before: Diagram, after: Diagram, atMs: number): readonly ReplayEvent[] {
  const from = replayContent(before);
  const to = replayContent(after);
  const patches = diffPatches(from, to);
  if (patches.length === 0) return log;
  const event: ReplayEvent = { atMs: Math.max(0, Math.round(atMs)), patches, inverse: diffPatches(to, from) };
  const kept = log.length >= PRACTICE_LIMITS.replayEvents ? log.slice(log.length - PRACTICE_LIMITS.replayEvents + 1) : log;
  return [...kept, event];
}

const apply = (doc: Diagram, patches: readonly ReplayPatch[]) => applyPatches(doc, patches as Parameters<typeof applyPatches>[1]);

/** The design as it was when the replay log begins: the final document with every recorded change taken back, newest first. */
export function replayStart(final: Diagram): Diagram {
  const log = final.practice?.log ?? [];
  let doc = replayContent(final);
  for (let i = log.length - 1; i >= 0; i--) doc = apply(doc, log[i]!.inverse);
  return doc;
}

/** One moment of a replay: the design after the event at `atMs`. */
export interface ReplayFrame {
  atMs: number;
  doc: Diagram;
}

/** Every step of a practice session's build, from the start (at the first event's time, or 0) to the final design. */
export function replayFrames(final: Diagram): ReplayFrame[] {
  const log = final.practice?.log ?? [];
  let doc = replayStart(final);
  const frames: ReplayFrame[] = [{ atMs: 0, doc }];
  for (const event of log) {
    doc = apply(doc, event.patches);
    frames.push({ atMs: event.atMs, doc });
  }
  return frames;
}

/** The frame on show at practice time `atMs`: the last one recorded at or before it. */
export function frameAt(frames: readonly ReplayFrame[], atMs: number): ReplayFrame {
  let shown = frames[0]!;
  for (const frame of frames) {
    if (frame.atMs > atMs) break;
    shown = frame;
  }
  return shown;
}
