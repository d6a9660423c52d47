import { ICONS } from '../icons';
import { Memo } from '../memo';

type Attributes = Record<string, string | number | undefined>;

const num = (a: Attributes, key: string, fallback = 0): number => (a[key] === undefined ? fallback : Number(a[key]));

/** An ellipse as two arcs, starting and ending at its leftmost point. */
function ellipse(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx - rx},${cy} A${rx},${ry} 0 1 0 ${cx + rx},${cy} A${rx},${ry} 0 1 0 ${cx - rx},${cy} Z`;
}

/** A rectangle with corners rounded by r (0 for square corners). */
export function roundedRectPath(x: number, y: number, width: number, height: number, r: number): string {
  const k = Math.max(0, Math.min(r, width / 2, height / 2));
  if (k === 0) return `M${x},${y} H${x + width} V${y + height} H${x} Z`;
  return `M${x + k},${y} H${x + width - k} A${k},${k} 0 0 1 ${x + width},${y + k} V${y + height - k} A${k},${k} 0 0 1 ${x + width - k},${y + height} H${x + k} A${k},${k} 0 0 1 ${x},${y + height - k} V${y + k} A${k},${k} 0 0 1 ${x + k},${y} Z`;
}

/**
 * Path data with every number spelled out and separated: arc flags written
 * without separators ("a1 1 0 00-1 1") are read one digit each, as SVG
 * defines, so PDF writers with simpler path parsers draw the same shape.
 */
export function spelledOutPath(d: string): string {
  const out: string[] = [];
  // Stryker disable next-line StringLiteral: only an arc command ("a" or "A") changes how the numbers after it are read
  let command = '';
  let index = 0;
  let rest = d;
  while ((rest = rest.replace(/^[\s,]+/, ''))) {
    if (/^[A-Za-z]/.test(rest)) {
      command = rest[0]!;
      index = 0;
      out.push(command);
      rest = rest.slice(1);
      continue;
    }
    const flag = (command === 'a' || command === 'A') && (index % 7 === 3 || index % 7 === 4);
    const m = (flag ? /^[01]/ : /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/).exec(rest);
    if (!m) break;
    out.push(m[0]);
    rest = rest.slice(m[0].length);
    index++;
  }
  return out.join(' ');
}

/** One element of an icon (path, circle, ellipse, rect, line, polyline or polygon) as SVG path data; null for any other element or a shape without points. */
export function elementPath(tag: string, a: Attributes): string | null {
  switch (tag) {
    case 'path': return spelledOutPath(String(a.d ?? ''));
    case 'circle': return ellipse(num(a, 'cx'), num(a, 'cy'), num(a, 'r'), num(a, 'r'));
    case 'ellipse': return ellipse(num(a, 'cx'), num(a, 'cy'), num(a, 'rx'), num(a, 'ry'));
    case 'rect': return roundedRectPath(num(a, 'x'), num(a, 'y'), num(a, 'width'), num(a, 'height'), num(a, 'rx', num(a, 'ry')));
    case 'line': return `M${num(a, 'x1')},${num(a, 'y1')} L${num(a, 'x2')},${num(a, 'y2')}`;
    case 'polyline':
    case 'polygon': {
      // Stryker disable next-line Regex: the empty pieces a single separator leaves are dropped
      const points = String(a.points ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
      // Whole pairs only: a lone last number is no point.
      const pairs = points.flatMap((v, i) => (i % 2 === 0 && i + 1 < points.length ? [`${v},${points[i + 1]}`] : []));
      return pairs.length ? `M${pairs.join(' L')}${tag === 'polygon' ? ' Z' : ''}` : null;
    }
    default: return null;
  }
}

/** Each icon's paths, worked out once: a large diagram draws the same few icons on every node. */
const iconCache = new Memo<string, string[]>(256);

/** A kind icon (24 x 24 units, drawn with a 2-unit stroke) as SVG path data, one string per element. */
export function iconPaths(name: string): string[] {
  let paths = iconCache.get(name);
  // Stryker disable next-line ConditionalExpression: working the paths out again gives the same paths
  if (!paths) {
    // Stryker disable next-line ArrayDeclaration: the server icon is always there
    paths = (ICONS[name] ?? ICONS.server ?? []).flatMap(([tag, attributes]) => {
      const d = elementPath(tag, attributes);
      // Stryker disable next-line ArrayDeclaration: every element of the kind icons is a shape (elementPath's own tests cover the others)
      return d ? [d] : [];
    });
    iconCache.set(name, paths);
  }
  return [...paths];
}
