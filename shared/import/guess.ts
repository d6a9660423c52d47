import { KINDS, findKind } from '../kinds';
import type { DiagramNode } from '../model/schema';
import type { ImportReport, KindGuess } from './common';

/** Lower-case words of a text, plurals as singulars: "Re-ranker (GPUs)" gives ["re", "ranker", "gpu"]. */
function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '').map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Every name of every kind (label, identifier, synonyms) as words, longest first, so "Kafka Streams" wins over "Kafka". */
const NAMES = KINDS.flatMap((kind, order) => [kind.label, kind.id.replace(/([A-Z])/g, ' $1'), ...kind.synonyms].map((name) => ({ kind: kind.id, name, squashed: words(name).join(''), order })))
  .filter((n) => n.squashed !== '')
  .sort((a, b) => b.squashed.length - a.squashed.length || a.order - b.order);

/**
 * Where consecutive words of `found`, run together, spell `squashed` ("re
 * ranker" and "reranker" both spell "reranker"): the index of the last such
 * word, or -1.
 */
function spelledAt(found: string[], squashed: string): number {
  for (let i = found.length - 1; i >= 0; i--) {
    let run = '';
    for (let j = i; j >= 0 && run.length < squashed.length; j--) {
      run = found[j] + run;
      if (run === squashed) return i;
    }
  }
  return -1;
}

/** Shapes that name a kind by themselves, as drawn in draw.io, Mermaid and Excalidraw. */
const SHAPE_KINDS: Record<string, string> = { cylinder: 'database', 'person': 'traffic', actor: 'traffic', cloud: 'externalApi', queue: 'queue' };

/**
 * The kind a label names with any of the palette's names for it (its label,
 * identifier or synonyms: "Redis" is a cache, "FAISS" a vector index), the
 * name nearest the label's end winning, then the longest; else the kind the
 * shape names (a cylinder is a database); else a Service.
 */
export function guessKind(label: string, shape?: string): Omit<KindGuess, 'node' | 'label'> {
  const found = words(label);
  // The last name in a label is usually what the thing is ("two-tower retrieval model" is a model); the longer name wins at the same place.
  let named: (typeof NAMES)[number] | undefined;
  let namedAt = -1;
  for (const name of NAMES) {
    const at = spelledAt(found, name.squashed);
    if (at > namedAt) [named, namedAt] = [name, at];
  }
  if (named) return { kind: named.kind, from: 'label', clue: named.name };
  const byShape = shape ? SHAPE_KINDS[shape] : undefined;
  if (byShape) return { kind: byShape, from: 'shape', clue: shape };
  return { kind: 'service', from: 'default' };
}

/**
 * A node of a guessed kind with the palette's default figures (what the
 * same component dropped from the palette starts with), the guess recorded
 * in the report.
 */
export function guessedNode(base: { id: string; label: string; group?: string; position?: DiagramNode['position'] }, shape: string | undefined, report: ImportReport): DiagramNode {
  const guess = guessKind(base.label, shape);
  report.guesses.push({ node: base.id, label: base.label, ...guess });
  const kind = findKind(guess.kind)!;
  return { ...base, kind: kind.id, ...structuredClone(kind.defaults) } as DiagramNode;
}
