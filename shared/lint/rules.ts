import type { Diagnostic, Estimate } from '../estimator/output';
import type { Diagram, DiagramNode } from '../model/schema';
import { nodesById } from '../estimator/nodeIndex';
import { ALL_MODES, components, firstRepeated, longestSyncChain, marksReachThroughAsync, MODE_BIT, sharedEdgeNumbers, walkFrom } from './graphQueries';
import { edgeEnds, hasKind, isOnline, lintGraphOf, marked, nodesByNumber, nodesOfKind, numbersOfKind, TAKES, type LintGraph } from './lintGraph';

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

/** The diagram that lint() is checking, and its numbered graph, found once for all the rules. */
let linting: { diagram: Diagram; graph?: LintGraph } | undefined;

/** The numbered nodes and request path (see lintGraph), shared by the rules of one lint() run. */
function graphOf(d: Diagram): LintGraph {
  if (linting?.diagram !== d) return lintGraphOf(d);
  linting.graph ??= lintGraphOf(d);
  return linting.graph;
}

export const LINT_RULES: readonly LintRule[] = [
  {
    code: 'model-unmonitored',
    severity: 'warning',
    title: 'A model on the request path has no monitoring',
    hint: 'log features and predictions (async) to a Monitoring node that tracks drift (PSI on features, KL on predictions) and triggers retraining.',
    check(d) {
      const lg = graphOf(d);
      if (!hasKind(lg, 'model')) return [];
      const monitors = numbersOfKind(lg, 'monitoring');
      // Nodes from which a monitor can be reached: a model is watched if it, or what calls it, is one.
      const watching = walkFrom(lg.g, ALL_MODES, true, monitors);
      for (const v of monitors) watching[v] = 1;
      const calledByWatching = edgeEnds(lg, 'target', TAKES.sync, watching);
      return nodesOfKind(d, lg, 'model', (n, i) => isOnline(lg, i) && !marked(lg, watching, i) && !marked(lg, calledByWatching, i))
        .map((n) => ({ node: n.id, detail: `"${n.label}" serves predictions but nothing watches them for drift` }));
    },
  },
  {
    code: 'feature-skew',
    severity: 'warning',
    title: 'Online features are not shared with training',
    hint: 'serve features from a feature store that the training pipeline also reads (or writes), so training and serving compute features the same way.',
    check(d) {
      const lg = graphOf(d);
      const training = nodesOfKind(d, lg, 'training').map((n) => n.id);
      if (training.length === 0) return [];
      // Shared means data flows between them off the request path (offline or async edges).
      const part = components(d, ['async', 'offline']);
      const online = (n: DiagramNode, i: number) => isOnline(lg, i);
      const stores = nodesOfKind(d, lg, 'featureStore', online);
      const models = nodesOfKind(d, lg, 'model', online);
      const trainingParts = new Set(training.map((t) => part.get(t)));
      const findings = stores
        .filter((s) => !trainingParts.has(part.get(s.id)))
        .map((s) => ({ node: s.id, detail: `"${s.label}" serves features online but no training pipeline reads from it` }));
      if (stores.length === 0 && models.length > 0 && hasKind(lg, 'featureStore')) {
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
      const lg = graphOf(d);
      const training = new Set(nodesOfKind(d, lg, 'training').map((n) => n.id));
      if (training.size === 0) return [];
      const online = lg.online.slice();
      for (const v of numbersOfKind(lg, 'traffic')) online[v] = 1;
      return marksReachThroughAsync(lg.g, online, training) ? [] : [{ detail: 'nothing the request path does is logged to the data training reads' }];
    },
  },
  {
    code: 'no-model-registry',
    severity: 'warning',
    title: 'Training deploys without a model registry',
    hint: 'publish trained models to a Model registry and deploy from it, so every served model is versioned, evaluated and can be rolled back.',
    check(d) {
      const lg = graphOf(d);
      if (!hasKind(lg, 'training')) return [];
      const registries = new Set(nodesOfKind(d, lg, 'modelRegistry').map((n) => n.id));
      const reachesRegistry = walkFrom(lg.g, ALL_MODES, true, numbersOfKind(lg, 'modelRegistry'));
      const models = new Uint8Array(lg.g.ids.length);
      for (const v of numbersOfKind(lg, 'model')) models[v] = 1;
      const deploysDirectly = edgeEnds(lg, 'source', TAKES.any, models);
      const publishes = (t: DiagramNode, i: number) => marked(lg, reachesRegistry, i) && !registries.has(t.id);
      return nodesOfKind(d, lg, 'training', (t, i) => marked(lg, deploysDirectly, i) || !publishes(t, i))
        .map((t) => ({ node: t.id, detail: `"${t.label}" reaches serving without going through a model registry` }));
    },
  },
  {
    code: 'index-not-refreshed',
    severity: 'warning',
    title: 'A vector index has no indexing pipeline',
    hint: 'feed the index from an offline or streaming job that embeds new and changed items, or it goes stale.',
    check(d) {
      const lg = graphOf(d);
      if (!hasKind(lg, 'vectorIndex')) return [];
      const fed = edgeEnds(lg, 'target', TAKES.notSync);
      return nodesOfKind(d, lg, 'vectorIndex', (n, i) => !marked(lg, fed, i))
        .map((n) => ({ node: n.id, detail: `nothing writes new embeddings into "${n.label}"` }));
    },
  },
  {
    code: 'single-point-of-failure',
    severity: 'warning',
    title: 'A single point of failure on the request path',
    hint: 'put a cache (or a fallback) in front of external APIs, and run at least two replicas (or "auto") of anything requests wait on.',
    check(d) {
      const lg = graphOf(d);
      const { g, online } = lg;
      const findings: { node?: string; detail: string }[] = [];
      // Calls into an external API: looked for only where the design has one.
      const byNumber = hasKind(lg, 'externalApi') ? nodesByNumber(d, lg) : undefined;
      for (let i = 0; byNumber !== undefined && i < g.source.length; i++) {
        if (g.mode[i] !== MODE_BIT.sync || online[g.target[i]!] !== 1) continue;
        const target = byNumber[g.target[i]!];
        if (target?.kind !== 'externalApi') continue;
        const caller = byNumber[g.source[i]!];
        if (!caller?.cache) findings.push({ node: target.id, detail: `"${caller?.label ?? d.edges[i]!.source}" waits on "${target.label}" with no cache or fallback in front` });
      }
      for (let i = 0; i < d.nodes.length; i++) {
        const n = d.nodes[i]!;
        if (isOnline(lg, i) && n.capacity?.replicas === 1) findings.push({ node: n.id, detail: `"${n.label}" has exactly one replica and requests wait on it` });
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
      const lg = graphOf(d);
      const callers = edgeEnds(lg, 'source', TAKES.sync);
      return d.nodes
        .filter((n, i) => n.cache && n.cache.hitRate > 0 && !marked(lg, callers, i))
        .map((n) => ({ node: n.id, detail: `"${n.label}" caches, but no call goes through it` }));
    },
  },
  {
    code: 'duplicate-edge',
    severity: 'warning',
    title: 'The same connection is drawn twice',
    hint: 'delete the extra edge and set "calls" on the one left if the caller really calls more than once per request; each copy adds its full load, latency and cost.',
    check(d) {
      const lg = graphOf(d);
      const { g } = lg;
      const repeats = firstRepeated(g, d.edges);
      const findings: { edge: string; detail: string }[] = [];
      let firstNodes: (DiagramNode | undefined)[] | undefined;
      d.edges.forEach((e, i) => {
        if (repeats[i]! < 0) return;
        // A node's label, or its id when no node has it: the first node of that id, as a search finds.
        firstNodes ??= nodesByNumber(d, lg, true);
        const label = (v: number) => firstNodes![v]?.label ?? g.ids[v]!;
        findings.push({ edge: e.id, detail: `edge ${e.id} repeats edge ${d.edges[repeats[i]!]!.id}: "${label(g.source[i]!)}" -> "${label(g.target[i]!)}" (${e.mode ?? 'sync'})` });
      });
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
