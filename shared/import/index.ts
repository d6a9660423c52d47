import type { ImportResult } from './common';
import { importDrawio } from './drawio';
import { importMermaid } from './mermaid';

export type { ImportResult } from './common';

/** The formats `mlsd import` reads, told apart by their content. */
export function importDiagram(text: string): ImportResult {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return importDrawio(start);
  const first = start.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))?.trim() ?? '';
  if (/^(flowchart|graph)\b/.test(first)) return importMermaid(start);
  return { ok: false, problems: ['not a draw.io file (XML) or a Mermaid flowchart (first line "flowchart" or "graph")'] };
}
