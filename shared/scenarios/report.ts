import type { DesignDiff, FieldChange } from './diff';
import { deltaText, diffSummary } from './diff';

function value(v: unknown): string {
  return v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v);
}

function changeText(c: FieldChange): string {
  return `${c.path} ${value(c.before)} → ${value(c.after)}`;
}

/**
 * A comparison as lines of text: the headline deltas, then nodes and edges
 * added, removed and changed, then each node's figures that moved.
 */
export function diffLines(diff: DesignDiff): string[] {
  const lines = [`${diff.before} → ${diff.after}: ${diffSummary(diff)}`];
  const list = (title: string, items: { label: string }[]) => {
    if (items.length > 0) lines.push(`${title}: ${items.map((i) => `“${i.label}”`).join(', ')}`);
  };
  list('Nodes added', diff.nodes.added);
  list('Nodes removed', diff.nodes.removed);
  for (const c of diff.nodes.changed) lines.push(`Node changed: “${c.label}”: ${c.changes.map(changeText).join('; ')}`);
  list('Edges added', diff.edges.added);
  list('Edges removed', diff.edges.removed);
  for (const c of diff.edges.changed) lines.push(`Edge changed: “${c.label}”: ${c.changes.map(changeText).join('; ')}`);
  for (const n of diff.nodeFigures) {
    const moved = n.deltas.map(deltaText).filter((t): t is string => t !== undefined);
    if (moved.length > 0) lines.push(`Figures of “${n.label}”: ${moved.join(', ')}`);
  }
  return lines;
}
