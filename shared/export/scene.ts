import { measureText } from '../layout/text';
import { utilizationLevel } from '../estimator/utilization';
/**
 * A picture as a list of drawing primitives in picture units (1 unit = 1 CSS
 * pixel), drawn the same way by the SVG writer and the PDF writer, so the
 * picture, the PNG and the PDF never disagree.
 */

/** A box with rounded corners, in picture units. */
export interface RoundedBox {
  x: number;
  y: number;
  width: number;
  height: number;
  r: number;
}

/** How a shape is painted; colours are #rrggbb, dashes are in picture units. */
export interface Paint {
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  dash?: readonly number[];
}

export type Shape =
  | ({
      type: 'path';
      d: string;
      /** Draws `d` scaled by `scale` from (x, y). */
      at?: { x: number; y: number; scale: number };
      /** `d` is this box with corners rounded by `r` (a circle when r is half its side): a PDF draws one copy of each size many times. */
      box?: RoundedBox;
    } & Paint)
  | { type: 'text'; x: number; y: number; text: string; size: number; colour: string; bold?: boolean; anchor?: 'start' | 'middle'; spacing?: number }
  | { type: 'group'; attributes: Record<string, string>; /** Shown as a tooltip and read by screen readers. */ title?: string; desc?: string; children: Shape[] };

export interface Scene {
  width: number;
  height: number;
  title: string;
  background: string;
  /** Drawn in order; made as they are read, so a large picture is never held whole. */
  shapes: Iterable<Shape>;
}

export type Palette = Record<'background' | 'panel' | 'border' | 'text' | 'muted' | 'group' | 'groupBorder' | 'sync' | 'async' | 'offline' | 'ok' | 'busy' | 'hot' | 'bad', string>;

export const THEMES: Record<'light' | 'dark', Palette> = {
  light: { background: '#ffffff', panel: '#ffffff', border: '#cbd5e1', text: '#0f172a', muted: '#64748b', group: '#f1f5f9', groupBorder: '#94a3b8', sync: '#475569', async: '#7c3aed', offline: '#94a3b8', ok: '#16a34a', busy: '#ca8a04', hot: '#ea580c', bad: '#dc2626' },
  dark: { background: '#0b1120', panel: '#111827', border: '#334155', text: '#e2e8f0', muted: '#94a3b8', group: '#111a2e', groupBorder: '#475569', sync: '#94a3b8', async: '#a78bfa', offline: '#64748b', ok: '#22c55e', busy: '#eab308', hot: '#f97316', bad: '#ef4444' },
};

/** Dashes of each edge mode: sync solid, async dashed, offline dotted. */
export const MODE_DASH: Record<'sync' | 'async' | 'offline', readonly number[] | undefined> = { sync: undefined, async: [6, 4], offline: [2, 4] };

/** Utilization bands as the canvas colours them: up to 60%, to 80%, to 100%, saturated. */
export function utilizationColour(utilization: number, t: Palette): string {
  return { none: t.ok, ok: t.ok, busy: t.busy, hot: t.hot, saturated: t.bad }[utilizationLevel(utilization)];
}

/** Width of text in the pictures' font (Arial metrics, as the layout measures names and captions). */
export function textWidth(text: string, size: number, bold = false): number {
  return measureText(text, size, bold);
}
