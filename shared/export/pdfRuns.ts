/**
 * Shared copies in a PDF's page content: a form drawn at its place, and a
 * run of them (a node's box, colour bar, icon square and icon) drawn as one
 * form of them all, made the first time that arrangement is drawn (pdf.ts
 * draws the page).
 */
import { num, type AsciiBytes } from './pdfPath';

/** What drawing runs of forms needs of the page's pen. */
export interface RunPen {
  /** The page's content so far. */
  content: AsciiBytes;
  /** Forms drawn together at their places, one form of them all, by what decides it (see `placeTogether`). */
  runForms: Map<string, string>;
  /** The same forms' runs as drawn (places from the first copy's), by the first copy's form: found again with no text made. */
  runsByFirst: Map<string, { run: Placed[]; name: string }[]>;
  /** Each form's content, by its name, and the forms it draws in turn. */
  formContent: Map<string, { content: string; box: readonly number[]; uses?: string[] }>;
}

/** A form drawn at a place: its top-left corner and its scale, in picture units. */
export interface Placed {
  name: string;
  x: number;
  y: number;
  scale: number;
}

/** The operators that draw a form at its place. */
function placing({ name, x, y, scale }: Placed): string {
  const s = num(scale);
  return `q\n${s} 0 0 ${s} ${num(x)} ${num(y)} cm\n/${name} Do\nQ\n`;
}

/** Writes the operators that draw a form at its place (as `placing`), part by part: no text is joined on the way. */
function writePlacing(content: AsciiBytes, name: string, x: number, y: number, scale: number): void {
  const s = num(scale);
  content.write(scale === 1 ? 'q\n1 0 0 1 ' : `q\n${s} 0 0 ${s} `);
  content.writePoint(x, y);
  content.write(' cm\n/');
  content.write(name);
  content.write(' Do\nQ\n');
}

/** A new form's name: forms are numbered in the order made, whatever they draw. */
export const newFormName = (pen: RunPen) => `X${pen.formContent.size + 1}`;

/** The bounds of a form that may reach anywhere. */
export const WHOLE = [-1e4, -1e4, 1e4, 1e4] as const;

/**
 * Shared copies drawn one after another (a node's box, colour bar, icon
 * square and icon) as one form of them all at their places, made the first
 * time that arrangement is drawn: a large diagram draws it once a node.
 */
export function placeTogether(run: readonly Placed[], pen: RunPen): void {
  if (run.length === 1) {
    const only = run[0]!;
    writePlacing(pen.content, only.name, only.x, only.y, only.scale);
    return;
  }
  const [{ x, y, name: first }] = run as [Placed];
  let drawn = pen.runsByFirst.get(first);
  if (drawn === undefined) pen.runsByFirst.set(first, (drawn = []));
  // A run drawn before with the very same places (so the same text): its form, with no key made.
  // Stryker disable next-line ConditionalExpression,ArrowFunction,BlockStatement: a run not found here is found by its key, the same form; this only spares the key.
  const same = drawn.find((d) => sameRun(d.run, run, x, y));
  if (same) {
    writePlacing(pen.content, same.name, x, y, 1);
    return;
  }
  const moved = run.map((p) => ({ ...p, x: p.x - x, y: p.y - y }));
  let key = '';
  for (const p of moved) key += `${p.name} ${num(p.x)} ${num(p.y)} ${num(p.scale)} `;
  let name = pen.runForms.get(key);
  if (name === undefined) {
    name = newFormName(pen);
    pen.runForms.set(key, name);
    pen.formContent.set(name, { content: moved.map(placing).join(''), box: WHOLE, uses: run.map((p) => p.name) });
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a run not kept is found by its key instead; the bound only keeps each look short.
  if (drawn.length < RUNS_KEPT) drawn.push({ run: moved, name });
  writePlacing(pen.content, name, x, y, 1);
}

/** Runs kept to compare with, per first form: a node's run is one of a few per kind. */
const RUNS_KEPT = 64;

/** Whether a run drawn before (`moved`, places from its first copy's) is `run` at (x, y), place for place exactly. */
function sameRun(moved: readonly Placed[], run: readonly Placed[], x: number, y: number): boolean {
  if (moved.length !== run.length) return false;
  for (let i = 0; i < run.length; i++) {
    const a = moved[i]!;
    const b = run[i]!;
    if (a.name !== b.name || a.x !== b.x - x || a.y !== b.y - y || a.scale !== b.scale) return false;
  }
  return true;
}
