import { components, onlinePath, reaching, reachesThroughAsync } from '../lint/graphQueries';
import type { Diagram } from '../model/schema';

/** One structural feature of a good ML design that a reviewer looks for. */
export interface PathCheckSpec {
  id: string;
  label: string;
  holds(diagram: Diagram): boolean;
}

const kinds = (d: Diagram, ids: ReadonlySet<string>) => new Set(d.nodes.filter((n) => ids.has(n.id)).map((n) => n.kind));

/** The structures compared between a practice design and the reference. */
export const PATH_CHECKS: readonly PathCheckSpec[] = [
  { id: 'online-model', label: 'Requests reach a model on the request path', holds: (d) => kinds(d, onlinePath(d)).has('model') },
  {
    id: 'retrieval-ranking',
    label: 'Retrieval (an index) before ranking (a model)',
    holds: (d) => {
      const k = kinds(d, onlinePath(d));
      return k.has('model') && (k.has('vectorIndex') || k.has('searchIndex'));
    },
  },
  {
    id: 'feature-store',
    label: 'Features served from a store shared with training',
    holds: (d) => {
      const online = onlinePath(d);
      const part = components({ nodes: d.nodes, edges: d.edges.filter((e) => (e.mode ?? 'sync') !== 'sync') });
      const training = d.nodes.filter((n) => n.kind === 'training').map((n) => part.get(n.id));
      return d.nodes.some((n) => n.kind === 'featureStore' && online.has(n.id) && training.includes(part.get(n.id)));
    },
  },
  { id: 'cache', label: 'A cache cuts load on the request path', holds: (d) => d.nodes.some((n) => n.cache && n.cache.hitRate > 0 && onlinePath(d).has(n.id)) },
  {
    id: 'feedback-loop',
    label: 'Serving logs feed the training data (feedback loop)',
    holds: (d) => {
      const training = new Set(d.nodes.filter((n) => n.kind === 'training').map((n) => n.id));
      const online = onlinePath(d);
      for (const n of d.nodes) if (n.kind === 'traffic') online.add(n.id);
      return training.size > 0 && reachesThroughAsync(d, online, training);
    },
  },
  {
    id: 'monitoring',
    label: 'Monitoring watches drift and triggers retraining',
    holds: (d) => {
      const monitors = d.nodes.filter((n) => n.kind === 'monitoring');
      const training = d.nodes.filter((n) => n.kind === 'training').map((n) => n.id);
      const watched = monitors.some((m) => d.edges.some((e) => e.target === m.id && e.mode === 'async'));
      const triggers = training.length > 0 && [...reaching(d, training)].some((id) => monitors.some((m) => m.id === id));
      return watched && triggers;
    },
  },
  {
    id: 'registry',
    label: 'Trained models ship through a registry',
    holds: (d) => {
      const registries = d.nodes.filter((n) => n.kind === 'modelRegistry').map((n) => n.id);
      const viaRegistry = reaching(d, registries);
      return d.nodes.some((n) => n.kind === 'training' && viaRegistry.has(n.id)) && d.edges.some((e) => registries.includes(e.source) && d.nodes.find((n) => n.id === e.target)?.kind === 'model');
    },
  },
];
