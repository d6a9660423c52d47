import type { Diagram } from './schema';

const ONE_PER_LINE = new Set(['nodes', 'edges', 'groups', 'annotations']);

/**
 * The text of a diagram file: pretty JSON with one node, edge, group or annotation per
 * line, so a change to one component is one line in a diff.
 */
export function formatDiagramFile(diagram: Diagram): string {
  // A key set to undefined is left out, as JSON.stringify leaves it out.
  const keys = (Object.keys(diagram) as (keyof Diagram)[]).filter((key) => diagram[key] !== undefined);
  const lines = ['{'];
  keys.forEach((key, i) => {
    const comma = i < keys.length - 1 ? ',' : '';
    const value = diagram[key];
    if (ONE_PER_LINE.has(key) && Array.isArray(value)) {
      if (value.length === 0) {
        lines.push(`  ${JSON.stringify(key)}: []${comma}`);
        return;
      }
      lines.push(`  ${JSON.stringify(key)}: [`);
      value.forEach((item, j) => lines.push(`    ${JSON.stringify(item)}${j < value.length - 1 ? ',' : ''}`));
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
