import type { KindDefinition } from './define';
import { KINDS } from './index';

/** Lower case with everything but letters and digits dropped: "Re-ranker" and "reranker" meet. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** How well a kind matches a query: 0 for no match, higher for a better one. */
function matchScore(kind: KindDefinition, query: string): number {
  const q = squash(query);
  if (!q) return 1;
  const names = [kind.label, kind.id, ...kind.synonyms].map(squash);
  if (names.includes(q)) return 4;
  if (names.some((n) => n.startsWith(q))) return 3;
  if (names.some((n) => n.includes(q))) return 2;
  // In the description only whole words count, so "ann" does not find "channel".
  const words = kind.description.toLowerCase().split(/[^a-z0-9]+/);
  return words.some((w) => w.startsWith(query.trim().toLowerCase())) ? 1 : 0;
}

/**
 * The kinds a search finds, best match first (then palette order): by label,
 * identifier, the names people use for them (synonyms: "FAISS", "Kafka",
 * "two-tower") and the words of their description. An empty query finds all.
 */
export function searchKinds(query: string, kinds: readonly KindDefinition[] = KINDS): KindDefinition[] {
  return kinds
    .map((kind, order) => ({ kind, order, score: matchScore(kind, query) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((m) => m.kind);
}
