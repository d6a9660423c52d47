import type { Role } from './room';

/** A point on the canvas, in diagram coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** What each person shares about themselves while in a room (never saved, never part of the document). */
export interface Presence {
  name: string;
  colour: string;
  role: Role;
  /** The pointer over the canvas, or null when it is elsewhere. */
  cursor: Point | null;
  /** Selected node ids. */
  selection: string[];
  /** The person's viewport, for others to follow. */
  view: { x: number; y: number; zoom: number } | null;
  /** The laser pointer's recent points, newest last, each with when it was drawn (ms since 1970). */
  laser: (Point & { atMs: number })[];
}

/** Colours people are told apart by: distinct on light and dark canvases. */
export const PRESENCE_COLOURS = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'] as const;

/** A colour for a client, the same on every screen. */
export function colourFor(clientId: number): string {
  return PRESENCE_COLOURS[Math.abs(clientId) % PRESENCE_COLOURS.length]!;
}

/** How long a laser point stays visible, ms. */
export const LASER_FADE_MS = 1500;
/** Points of the laser's trail kept. */
export const LASER_POINTS = 16;

/** The laser trail with one point added, old and faded points dropped. */
export function extendLaser(trail: readonly (Point & { atMs: number })[], point: Point, nowMs: number): (Point & { atMs: number })[] {
  return [...trail.filter((p) => nowMs - p.atMs < LASER_FADE_MS), { x: Math.round(point.x), y: Math.round(point.y), atMs: nowMs }].slice(-LASER_POINTS);
}

/** How visible a laser point is at `nowMs`: 1 when drawn, 0 once faded. */
export function laserOpacity(atMs: number, nowMs: number): number {
  return Math.max(0, Math.min(1, 1 - (nowMs - atMs) / LASER_FADE_MS));
}

/** Reads a peer's presence, or null when what it shares is not a presence (a peer may send anything). */
export function readPresence(state: unknown): Presence | null {
  const user = (state as { user?: unknown } | null)?.user as Partial<Presence> | undefined;
  if (!user || typeof user.name !== 'string' || typeof user.colour !== 'string' || (user.role !== 'interviewer' && user.role !== 'candidate')) return null;
  const isPoint = (p: unknown): p is Point => typeof (p as Point)?.x === 'number' && typeof (p as Point)?.y === 'number' && Number.isFinite((p as Point).x) && Number.isFinite((p as Point).y);
  return {
    name: user.name.slice(0, 40),
    colour: /^#[0-9a-fA-F]{6}$/.test(user.colour) ? user.colour : PRESENCE_COLOURS[0],
    role: user.role,
    cursor: isPoint(user.cursor) ? user.cursor : null,
    selection: Array.isArray(user.selection) ? user.selection.filter((id): id is string => typeof id === 'string').slice(0, 500) : [],
    view: isPoint(user.view) && typeof user.view.zoom === 'number' && user.view.zoom > 0 ? user.view : null,
    laser: Array.isArray(user.laser) ? user.laser.filter((p) => isPoint(p) && typeof p.atMs === 'number').slice(-LASER_POINTS) : [],
  };
}
