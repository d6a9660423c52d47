import type { Diagnostic, Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import { nodesById } from '../estimator/nodeIndex';
import { components, longestSyncChain, onlinePath, reachesThroughAsync, reaching, sharedEdgeNumbers } from './graphQueries';

/** One design rule: what it is called, how serious, what it says, how to fix it, and when it fires. */
export interface LintRule {
  code: string;
  severity: 'warning' | 'info';
  /** What a reviewer would say. */
  title: string;
  /** How to fix it. */
  hint: string;
  /** The nodes (or the whole diagram, with no node) the rule fires on. */
  check(diagram: Diagram, estimate: Pick<Estimate, 'entries'>): { node?: string; edge?: string; detail: string }[];
}

/** Share of the p99 budget above which a long chain leaves no headroom. */
export const BUDGET_SHARE = 0.8;
/** Sync chains at least this long (nodes after the entry) are "long". */
export const LONG_CHAIN = 4;

/** The diagram that lint() is checking, and its request path, found once for all the rules. */
let linting: { diagram: Diagram; online?: ReadonlySet<string> } | undefined;

/** The request path (onlinePath), shared by the rules of one lint() run. */
function requestPath(d: Diagram): ReadonlySet<string> {
  if (linting?.diagram !== d) return onlinePath(d);
  linting.online ??= onlinePath(d);
  return linting.online;
}

/** A node's label, or its id when it has none in this diagram. */
const label = (d: Diagram, id: string) => d.nodes.find((n) => n.id === id)?.label ?? id;

export const LINT_RULES: readonly LintRule[] = [
  {
    code: 'model-unmonitored',
    severity: 'warning',
    title: 'A model on the request path has no monitoring',
    hint: 'log features and predictions (async) to a Monitoring node that tracks drift (PSI on features, KL on predictions) and triggers retraining.',
    check(d) {
      const online = requestPath(d);
      const monitors = new Set(d.nodes.filter((n) => n.kind === 'monitoring').map((n) => n.id));
      // Nodes from which a monitor can be reached: a model is watched if it, or what calls it, is one.
      const watching = reaching(d, monitors);
      const syncCallers = new Map<string, string[]>();
      for (const e of d.edges) {
        if ((e.mode ?? 'sync') !== 'sync') continue;
        const list = syncCallers.get(e.target);
        if (list) list.push(e.source);
        else syncCallers.set(e.target, [e.source]);
      }
      return d.nodes
        .filter((n) => n.kind === 'model' && online.has(n.id))
        .filter((model) => ![model.id, ...(syncCallers.get(model.id) ?? [])].some((id) => watching.has(id)))
        .map((n) => ({ node: n.id, detail: `"${n.label}" serves predictions but nothing watches them for drift` }));
    },
  },
  {
    code: 'feature-skew',
    severity: 'warning',
    title: 'Online features are not shared with training',
    hint: 'serve features from a feature store that the training pipeline also reads (or writes), so training and serving compute features the same way.',
    check(d) {
      const online = requestPath(d);
      const training = d.nodes.filter((n) => n.kind === 'training').map((n) => n.id);
      if (training.length === 0) return [];
      // Shared means data flows between them off the request path (offline or async edges).
      const part = components(d, ['async', 'offline']);
      const stores = d.nodes.filter((n) => n.kind === 'featureStore' && online.has(n.id));
      const models = d.nodes.filter((n) => n.kind === 'model' && online.has(n.id));
      const trainingParts = new Set(training.map((t) => part.get(t)));
      const findings = stores
        .filter((s) => !trainingParts.has(part.get(s.id)))
        .map((s) => ({ node: s.id, detail: `"${s.label}" serves features online but no training pipeline reads from it` }));
      if (stores.length === 0 && models.length > 0 && d.nodes.some((n) => n.kind === 'featureStore')) {
        findings.push({ node: models[0]!.id, detail: `"${models[0]!.label}" gets no features from the feature store on the request path` });
      }
      return findings;
    },
  },
  {
    code: 'no-feedback-loop',
    severity: 'warning',
    title: 'No feedback loop from serving to training data',
    hint: 'log requests, predictions and outcomes asynchronously (a queue into the data lake) so the next model trains on what serving saw.',
    check(d) {
      const training = new Set(d.nodes.filter((n) => n.kind === 'training').map((n) => n.id));
      if (training.size === 0) return [];
      const online = new Set(requestPath(d));
      for (const entry of d.nodes.filter((n) => n.kind === 'traffic')) online.add(entry.id);
      return reachesThroughAsync(d, online, training) ? [] : [{ detail: 'nothing the request path does is logged to the data training reads' }];
    },
  },
  {
    code: 'no-model-registry',
    severity: 'warning',
    title: 'Training deploys without a model registry',
    hint: 'publish trained models to a Model registry and deploy from it, so every served model is versioned, evaluated and can be rolled back.',
    check(d) {
      const registries = new Set(d.nodes.filter((n) => n.kind === 'modelRegistry').map((n) => n.id));
      const models = new Set(d.nodes.filter((n) => n.kind === 'model').map((n) => n.id));
      const publishing = new Set([...reaching(d, registries)].filter((id) => !registries.has(id)));
      const deployingDirectly = new Set(d.edges.filter((e) => models.has(e.target)).map((e) => e.source));
      return d.nodes
        .filter((n) => n.kind === 'training')
        .filter((t) => deployingDirectly.has(t.id) || !publishing.has(t.id))
        .map((t) => ({ node: t.id, detail: `"${t.label}" reaches serving without going through a model registry` }));
    },
  },
  {
    code: 'index-not-refreshed',
    severity: 'warning',
    title: 'A vector index has no indexing pipeline',
    hint: 'feed the index from an offline or streaming job that embeds new and changed items, or it goes stale.',
    check(d) {
      const fed = new Set(d.edges.filter((e) => (e.mode ?? 'sync') !== 'sync').map((e) => e.target));
      return d.nodes
        .filter((n) => n.kind === 'vectorIndex' && !fed.has(n.id))
        .map((n) => ({ node: n.id, detail: `nothing writes new embeddings into "${n.label}"` }));
    },
  },
  {
    code: 'single-point-of-failure',
    severity: 'warning',
    title: 'A single point of failure on the request path',
    hint: 'put a cache (or a fallback) in front of external APIs, and run at least two replicas (or "auto") of anything requests wait on.',
    check(d) {
      const online = requestPath(d);
      const byId = nodesById(d.nodes);
      const findings: { node?: string; detail: string }[] = [];
      for (const e of d.edges) {
        if ((e.mode ?? 'sync') !== 'sync' || !online.has(e.target)) continue;
        const target = byId.get(e.target);
        const caller = byId.get(e.source);
        if (target?.kind === 'externalApi' && !caller?.cache) findings.push({ node: target.id, detail: `"${caller?.label ?? e.source}" waits on "${target.label}" with no cache or fallback in front` });
      }
      for (const n of d.nodes) {
        if (online.has(n.id) && n.capacity?.replicas === 1) findings.push({ node: n.id, detail: `"${n.label}" has exactly one replica and requests wait on it` });
      }
      return findings;
    },
  },
  {
    code: 'chain-eats-budget',
    severity: 'warning',
    title: 'A long synchronous chain uses most of the latency budget',
    hint: 'run independent calls in the same stage, cache results, or move work off the request path (async) to leave headroom.',
    check(d, estimate) {
      const limit = d.budgets?.p99Ms;
      const chain = limit === undefined ? 0 : longestSyncChain(d);
      if (limit === undefined || chain < LONG_CHAIN) return [];
      return estimate.entries
        .filter((e) => e.latencyMs && e.latencyMs.p99 > BUDGET_SHARE * limit && e.latencyMs.p99 <= limit)
        .map((e) => ({ node: e.node, detail: `requests from "${nodesById(d.nodes).get(e.node)?.label ?? e.node}" pass ${chain} calls in a row and use ${Math.round((e.latencyMs!.p99 / limit) * 100)}% of the p99 budget` }));
    },
  },
  {
    code: 'cache-without-backing',
    severity: 'warning',
    title: 'A cache with nothing behind it',
    hint: 'connect the cache to what it fronts (the calls it saves on a hit), or its hit rate changes nothing.',
    check(d) {
      const callers = new Set(d.edges.filter((e) => (e.mode ?? 'sync') === 'sync').map((e) => e.source));
      return d.nodes
        .filter((n) => n.cache && n.cache.hitRate > 0 && !callers.has(n.id))
        .map((n) => ({ node: n.id, detail: `"${n.label}" caches, but no call goes through it` }));
    },
  },
  {
    code: 'duplicate-edge',
    severity: 'warning',
    title: 'The same connection is drawn twice',
    hint: 'delete the extra edge and set "calls" on the one left if the caller really calls more than once per request; each copy adds its full load, latency and cost.',
    check(d) {
      const first = new Map<string, string>();
      const findings: { edge: string; detail: string }[] = [];
      for (const e of d.edges) {
        const mode = e.mode ?? 'sync';
        const key = JSON.stringify([e.source, e.target, mode]);
        const earlier = first.get(key);
        if (earlier === undefined) first.set(key, e.id);
        else findings.push({ edge: e.id, detail: `edge ${e.id} repeats edge ${earlier}: "${label(d, e.source)}" -> "${label(d, e.target)}" (${mode})` });
      }
      return findings;
    },
  },
];

/** Every rule's findings as diagnostics: the message says what is wrong and how to fix it. */
export function lint(diagram: Diagram, estimate: Pick<Estimate, 'entries'>): Diagnostic[] {
  linting = { diagram };
  try {
    return sharedEdgeNumbers(() => lintRules(diagram, estimate));
  } finally {
    linting = undefined;
  }
}

function lintRules(diagram: Diagram, estimate: Pick<Estimate, 'entries'>): Diagnostic[] {
  return LINT_RULES.flatMap((rule) =>
    rule.check(diagram, estimate).map((f) => ({
      severity: rule.severity,
      code: rule.code,
      message: `${rule.title}: ${f.detail}. Fix: ${rule.hint}`,
      ...(f.node ? { node: f.node } : {}),
      ...(f.edge ? { edge: f.edge } : {}),
    })),
  );
}
