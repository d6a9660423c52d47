import { edgeRates } from '../estimator/edgeRates';
import { utilizationLevel } from '../estimator/utilization';
import { edgeCaption } from './caption';
import { figureLine } from '../figureLine';
import { ICONS } from '../icons';
import { findKind } from '../kinds';
import { NODE_HEIGHT, NODE_WIDTH } from '../layout/elkGraph';
import { pictureOf } from './geometry';
import type { ExportFormat, ExportInput } from './types';

type Palette = Record<'background' | 'panel' | 'border' | 'text' | 'muted' | 'group' | 'groupBorder' | 'sync' | 'async' | 'offline' | 'ok' | 'busy' | 'hot' | 'bad', string>;

const THEMES: Record<'light' | 'dark', Palette> = {
  light: { background: '#ffffff', panel: '#ffffff', border: '#cbd5e1', text: '#0f172a', muted: '#64748b', group: '#f1f5f9', groupBorder: '#94a3b8', sync: '#475569', async: '#7c3aed', offline: '#94a3b8', ok: '#16a34a', busy: '#ca8a04', hot: '#ea580c', bad: '#dc2626' },
  dark: { background: '#0b1120', panel: '#111827', border: '#334155', text: '#e2e8f0', muted: '#94a3b8', group: '#111a2e', groupBorder: '#475569', sync: '#94a3b8', async: '#a78bfa', offline: '#64748b', ok: '#22c55e', busy: '#eab308', hot: '#f97316', bad: '#ef4444' },
};

const FONT = "Inter, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/** Escapes text for XML content and attributes. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Shortens text to about `chars` characters, with an ellipsis. */
function fit(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

function icon(name: string, x: number, y: number, size: number, colour: string): string {
  const scale = size / 24;
  const body = (ICONS[name] ?? [])
    .map(([tag, attributes]) => `<${tag} ${Object.entries(attributes).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${xml(String(v))}"`).join(' ')}/>`)
    .join('');
  return `<g transform="translate(${x} ${y}) scale(${scale})" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</g>`;
}

function utilizationColour(u: number, t: Palette): string {
  return { none: t.ok, ok: t.ok, busy: t.busy, hot: t.hot, saturated: t.bad }[utilizationLevel(u)];
}

/**
 * The diagram as drawn on the canvas, as standalone SVG: group containers,
 * nodes with their kind's icon and colour, edges styled by mode, and
 * (optionally) the live figures on nodes and edges.
 */
export function renderSvg({ diagram, estimate, figures, theme }: ExportInput): string {
  const t = THEMES[theme];
  const picture = pictureOf(diagram);
  const { x: ox, y: oy } = picture.offset;
  const byNode = new Map(estimate.nodes.map((n) => [n.id, n]));
  const rates = edgeRates(diagram, estimate);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${picture.width}" height="${picture.height}" viewBox="0 0 ${picture.width} ${picture.height}" font-family="${xml(FONT)}">`);
  out.push(`<title>${xml(diagram.title)}</title>`);
  out.push('<defs>');
  for (const mode of ['sync', 'async', 'offline'] as const) {
    out.push(`<marker id="arrow-${mode}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${t[mode]}"/></marker>`);
  }
  out.push('</defs>');
  out.push(`<rect width="100%" height="100%" fill="${t.background}"/>`);

  for (const g of picture.groups) {
    out.push(`<g class="group" data-group="${xml(g.id)}"><rect x="${g.x + ox}" y="${g.y + oy}" width="${g.width}" height="${g.height}" rx="12" fill="${t.group}" stroke="${t.groupBorder}" stroke-dasharray="6 4"/>`);
    out.push(`<text x="${g.x + ox + 14}" y="${g.y + oy + 22}" font-size="11" font-weight="600" letter-spacing="0.6" fill="${t.muted}">${xml(g.label.toUpperCase())}</text></g>`);
  }

  for (const { edge, points, labelAt } of picture.edges) {
    const mode = edge.mode ?? 'sync';
    const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x + ox},${p.y + oy}`).join(' ');
    const dash = mode === 'async' ? ' stroke-dasharray="6 4"' : mode === 'offline' ? ' stroke-dasharray="2 4"' : '';
    out.push(`<g class="edge" data-edge="${xml(edge.id)}" data-mode="${mode}"><path d="${d}" fill="none" stroke="${t[mode]}" stroke-width="1.6"${dash} marker-end="url(#arrow-${mode})"/>`);
    const parts = edgeCaption(edge, rates.get(edge.id)?.peak, figures);
    if (parts.length > 0) {
      const text = fit(parts.join(' · '), 40);
      const w = text.length * 5.6 + 8;
      out.push(`<rect x="${labelAt.x + ox - w / 2}" y="${labelAt.y + oy - 8}" width="${w}" height="16" rx="3" fill="${t.panel}" stroke="${t.border}"/>`);
      out.push(`<text x="${labelAt.x + ox}" y="${labelAt.y + oy + 4}" font-size="10" text-anchor="middle" fill="${t.muted}">${xml(text)}</text>`);
    }
    out.push('</g>');
  }

  for (const node of diagram.nodes) {
    const kind = findKind(node.kind);
    const colour = kind?.colour ?? '#64748b';
    const x = (node.position?.x ?? 0) + ox;
    const y = (node.position?.y ?? 0) + oy;
    const f = byNode.get(node.id);
    out.push(`<g class="node" data-node="${xml(node.id)}" data-kind="${node.kind}">`);
    out.push(`<rect x="${x}" y="${y}" width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="8" fill="${t.panel}" stroke="${t.border}" stroke-width="1.5"/>`);
    out.push(`<rect x="${x}" y="${y}" width="5" height="${NODE_HEIGHT}" rx="2" fill="${colour}"/>`);
    out.push(`<rect x="${x + 12}" y="${y + 8}" width="22" height="22" rx="5" fill="${colour}"/>`);
    out.push(icon(kind?.icon ?? 'server', x + 15, y + 11, 16, '#ffffff'));
    out.push(`<text x="${x + 42}" y="${y + 23}" font-size="13" font-weight="600" fill="${t.text}">${xml(fit(node.label, 24))}</text>`);
    out.push(`<text x="${x + 42}" y="${y + 40}" font-size="11" fill="${t.muted}">${xml(kind?.label ?? node.kind)}</text>`);
    if (figures && f) {
      const line = figureLine(node, f).map((p) => p.text).join('   ');
      out.push(`<text x="${x + 14}" y="${y + 62}" font-size="11" fill="${t.text}">${xml(line)}</text>`);
      if (f.utilization !== null) {
        const share = Math.min(1, f.utilization);
        out.push(`<rect x="${x + 5}" y="${y + NODE_HEIGHT - 5}" width="${(NODE_WIDTH - 10) * share}" height="3" fill="${utilizationColour(f.utilization, t)}"/>`);
      }
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export const svgFormat: ExportFormat = {
  id: 'svg',
  label: 'SVG picture',
  extension: 'svg',
  mimeType: 'image/svg+xml',
  binary: false,
  takesFigures: true,
  takesTheme: true,
  render: async (input) => renderSvg(input),
};
