import { findKind, KINDS } from '../kinds';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { importId } from '../export/ids';
import { emptyReport, fitLabel, uniqueId, type ImportResult } from './common';
import { guessedNode } from './guess';
import { tooMany } from './limits';

/** Mermaid's named entity codes that labels use, and the characters they stand for. */
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', apos: "'" };

/** A label's text with Mermaid entity codes (`#35;`, `#quot;`) and `<br>` turned back into characters. */
export function mermaidLabel(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/#([a-z]+);/gi, (whole, name: string) => NAMED[name.toLowerCase()] ?? whole);
}

const ID = String.raw`[A-Za-z0-9_][\w-]*`;
/** A node reference with an optional shape and label: `a`, `a["Text"]`, `a(Text)`, `a{Text}`, `a[(Text)]`, `a((Text))`. */
const NODE = new RegExp(String.raw`^\s*(${ID})\s*(?:(\[\[|\[\(|\(\(|\(\[|\[\/|\[\\|\[|\(|\{\{|\{|>)\s*(?:"((?:[^"])*)"|([^\]\)\}"]*?))\s*(\]\]|\)\]|\)\)|\]\)|\/\]|\\\]|\]|\)|\}\}|\}))?`);
/** An arrow with an optional label: `-->`, `-.->`, `==>`, `---`, `-->|text|`, `-- text -->`. */
const ARROW = /^\s*(?:(-\.->|-->|==>|---|-\.-|===|--o|--x)(?:\s*\|\s*(?:"([^"]*)"|([^|]*))\s*\|)?|(--|==|-\.)\s+(?:"([^"]*)"|([^-=.>]+?))\s+(-->|==>|\.->|---))/;

interface Parsed {
  nodes: Map<string, { label?: string; group?: string; shape?: string }>;
  edges: { source: string; target: string; arrow: string; label?: string }[];
  groups: { id: string; label: string }[];
  metadata: { diagram?: Record<string, unknown>; nodes: Map<string, Record<string, unknown>>; edges: Map<string, Record<string, unknown>> };
}

function readNode(rest: string, parsed: Parsed, group: string | undefined): { id: string; rest: string } | null {
  const m = NODE.exec(rest);
  if (!m) return null;
  const id = m[1]!;
  const known = parsed.nodes.get(id) ?? {};
  if (m[2] !== undefined) known.label = mermaidLabel(m[3] ?? m[4] ?? '').trim();
  if (m[2] === '[(') known.shape = 'cylinder';
  if (group !== undefined && known.group === undefined) known.group = group;
  parsed.nodes.set(id, known);
  return { id, rest: rest.slice(m[0].length) };
}

/** A quoted label may hold a real line break: a line with an open quote is joined to the next (as `<br>`), keeping the line count for messages. */
function joinQuotedBreaks(lines: string[]): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const line of lines) {
    const joined: string = open === null ? line : `${open}<br>${line}`;
    if ((joined.match(/"/g) ?? []).length % 2 === 1) {
      open = joined;
      out.push('');
    } else {
      open = null;
      out.push(joined);
    }
  }
  if (open !== null) out.push(open);
  return out;
}

function parse(text: string): { parsed: Parsed; problems: string[] } {
  const parsed: Parsed = { nodes: new Map(), edges: [], groups: [], metadata: { nodes: new Map(), edges: new Map() } };
  const problems: string[] = [];
  const stack: string[] = [];
  const lines = joinQuotedBreaks(text.replace(/\r\n?/g, '\n').split('\n'));
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const meta = /^%%\s*mlsd (diagram|node|edge)\s*(\S*)\s*(\{.*\})\s*$/.exec(line);
    if (meta) {
      try {
        const value = JSON.parse(meta[3]!) as Record<string, unknown>;
        if (meta[1] === 'diagram') parsed.metadata.diagram = value;
        else parsed.metadata[meta[1] === 'node' ? 'nodes' : 'edges'].set(meta[2]!, value);
      } catch {
        problems.push(`line ${index + 1}: the mlsd comment is not valid JSON`);
      }
      return;
    }
    if (line === '' || line.startsWith('%%') || index === 0 && /^(flowchart|graph)\b/.test(line)) return;
    if (/^(style|classDef|class|click|linkStyle|direction)\b/.test(line)) return;
    const sub = /^subgraph\s+(?:(\S+?)\s*\[\s*"?(.*?)"?\s*\]|(\S+))\s*$/.exec(line);
    if (sub) {
      const id = sub[1] ?? sub[3]!;
      parsed.groups.push({ id, label: mermaidLabel(sub[2] ?? id) });
      stack.push(id);
      return;
    }
    if (line === 'end') {
      stack.pop();
      return;
    }
    const group = stack[stack.length - 1];
    let node = readNode(line, parsed, group);
    if (!node) return problems.push(`line ${index + 1}: cannot read "${line}"`);
    let rest = node.rest;
    while (rest.trim() !== '') {
      const arrow = ARROW.exec(rest);
      if (!arrow) return problems.push(`line ${index + 1}: cannot read "${rest.trim()}"`);
      const next = readNode(rest.slice(arrow[0].length), parsed, group);
      if (!next) return problems.push(`line ${index + 1}: an arrow with no node after it`);
      const label = arrow[2] ?? arrow[3] ?? arrow[5] ?? arrow[6];
      parsed.edges.push({ source: node.id, target: next.id, arrow: arrow[1] ?? arrow[7]!, ...(label !== undefined && label.trim() !== '' && { label: mermaidLabel(label).trim() }) });
      node = next;
      rest = next.rest;
    }
    return undefined;
  });
  return { parsed, problems };
}

/** The kind a label names on its last line ("Ranker\nModel"), for flowcharts exported without metadata. */
function kindFromLabel(label: string): { kind: string; label: string } | undefined {
  const lines = label.split('\n');
  const kind = KINDS.find((k) => k.label === lines[lines.length - 1]);
  return kind && lines.length > 1 ? { kind: kind.id, label: lines.slice(0, -1).join(' ') } : undefined;
}

/**
 * A diagram from a Mermaid flowchart: nodes with their labels, subgraphs as
 * groups, edges (dotted as async, thick as offline) with their labels. A
 * flowchart exported by MLSD Studio comes back whole (its comments carry
 * kinds and numbers); any other gets its kinds from the label's last line
 * when it names one, else "service", and is laid out on open.
 */
export function importMermaid(text: string): ImportResult {
  const { parsed, problems } = parse(text);
  if (problems.length > 0) return { ok: false, problems };
  const many = tooMany(parsed.nodes.size, 'nodes') ?? tooMany(parsed.edges.length, 'arrows');
  if (many) return { ok: false, problems: [many] };
  const report = emptyReport('Mermaid flowchart');
  // Groups, nodes and edges each have their own ids in a diagram file.
  const groupTaken = new Set<string>();
  const nodeTaken = new Set<string>();
  const groupIds = new Map(parsed.groups.map((g) => [g.id, uniqueId(importId('group', g.id) ?? g.id, groupTaken)]));
  const nodeIds = new Map([...parsed.nodes.keys()].map((id) => [id, uniqueId(importId('node', id) ?? id, nodeTaken)]));
  // The metadata comments list nodes in the diagram's own order; subgraphs list them group by group.
  const order = new Map([...parsed.metadata.nodes.keys()].map((id, i) => [id, i]));
  const rank = (id: string) => order.get(id) ?? order.size;
  const nodes: DiagramNode[] = [...parsed.nodes].sort(([a], [b]) => rank(a) - rank(b)).map(([raw, n]) => {
    const meta = parsed.metadata.nodes.get(raw);
    const id = nodeIds.get(raw)!;
    const fromLabel = meta ? undefined : kindFromLabel(n.label ?? raw);
    const where = `node "${raw}"`;
    const label = fitLabel(meta ? (n.label ?? raw).split('\n')[0]! : fromLabel?.label ?? (n.label ?? raw), raw, where, report);
    const base = { id, label, ...(n.group !== undefined && { group: groupIds.get(n.group)! }) };
    if (typeof meta?.kind === 'string' && findKind(meta.kind)) {
      report.kept++;
      return { ...base, ...meta, kind: meta.kind } as DiagramNode;
    }
    if (!fromLabel) return guessedNode(base, n.shape, report);
    report.guesses.push({ node: id, label, kind: fromLabel.kind, from: 'label', clue: findKind(fromLabel.kind)!.label });
    return { ...base, kind: fromLabel.kind, ...structuredClone(findKind(fromLabel.kind)!.defaults) } as DiagramNode;
  });
  const edgeTaken = new Set<string>();
  const metaEdges = [...parsed.metadata.edges];
  const edges: DiagramEdge[] = parsed.edges.map((e, i) => {
    // Edges come back in the order they were written, as MLSD Studio writes them.
    const [exported, meta] = metaEdges[i] ?? [undefined, undefined];
    const id = uniqueId(exported ? importId('edge', exported) ?? `e${i + 1}` : `e${i + 1}`, edgeTaken);
    const mode = e.arrow.startsWith('-.') || e.arrow === '.->' ? 'async' : e.arrow.startsWith('==') ? 'offline' : 'sync';
    const label = meta ? (meta.label as string | undefined) : e.label !== undefined ? fitLabel(e.label, '', `arrow ${i + 1}`, report) : undefined;
    const { label: _label, ...numbers } = meta ?? {};
    return { id, source: nodeIds.get(e.source)!, target: nodeIds.get(e.target)!, ...(mode !== 'sync' && { mode }), ...(label !== undefined && { label }), ...numbers } as DiagramEdge;
  });
  const groups = parsed.groups.map((g) => ({ id: groupIds.get(g.id)!, label: fitLabel(g.label, g.id, `subgraph "${g.id}"`, report) }));
  if (nodes.some((n) => !n.position)) report.notes.push('a flowchart has no positions: the nodes are laid out when the diagram opens');
  const diagram = {
    format: 'mlsd-studio/diagram', version: 1,
    ...parsed.metadata.diagram,
    ...(groups.length > 0 && { groups }), nodes, edges,
  } as Diagram;
  return { ok: true, diagram, report };
}
