import { Z99 } from '../estimator/normal';
import { capacityInput, queueing, serviceTime, type Queueing } from '../estimator/queueing';
import { call, num, op, type Term } from './expression';
import { checkedDerivation, figureTerm, quoted, replicasLabel, type ExplainContext } from './context';
import { noDerivation, type Derivation, type Step } from './figures';

/** The steps from a node's p50 and p99 to the busy servers it needs at peak, and the queueing they imply. */
export function loadSteps(ctx: ExplainContext, id: string): { steps: Step[]; offered: Term; queue: Queueing } | undefined {
  const node = ctx.node(id);
  const figures = ctx.figures(id);
  if (!node?.latency || !node.capacity || !figures) return undefined;
  const at = ctx.at(id);
  const service = serviceTime(node.latency.p50Ms, node.latency.p99Ms);
  const p50 = num(node.latency.p50Ms, 'ms', 'p50', { path: `${at}.latency.p50Ms` });
  const p99 = num(node.latency.p99Ms, 'ms', 'p99', { path: `${at}.latency.p99Ms` });
  const sigma = num(service.sigma, 'number', 'σ');
  const mean = num(service.meanMs, 'ms', 'mean service');
  const offered = num((figures.qps.peak / 1000) * service.meanMs, 'number', 'busy servers');
  const steps: Step[] = [
    { name: 'Spread of the service time (log-normal through p50 and p99)', result: sigma, expr: op('/', call('ln', op('/', p99, p50)), num(Z99, 'number', 'z99')) },
    { name: 'Mean service time', result: mean, expr: op('x', p50, call('exp', op('/', op('x', sigma, sigma), num(2, 'number')))) },
    {
      name: 'Busy servers at peak (offered load)',
      result: offered,
      expr: op('x', op('/', figureTerm(figures.qps.peak, 'qps', 'peak', id, 'peakQps'), num(1000, 'number', 'ms/s')), mean),
    },
  ];
  return { steps, offered, queue: queueing(figures.qps.peak, service, capacityInput(node.capacity)) };
}

/**
 * How many replicas a node runs: given in the file, or "auto": enough that
 * the busy servers at peak fill `targetUtilization` of replicas x concurrency,
 * and at least `minReplicas`.
 */
/** Why a GPU pool with dynamic batching has no worksheet line for its replicas or utilization yet. */
const BATCHING_NOTE =
  'Sized by dynamic batching (docs/estimator.md, section 9): from the batch the load forms, the batch run time and the executors ' +
  'it keeps busy; those figures are under the node\'s batching figures in the inspector. Not written out as a worksheet line yet.';

export function explainReplicas(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'replicas' } as const;
  const title = `Replicas of ${quoted(ctx, id)}`;
  const node = ctx.node(id);
  const replicas = ctx.figures(id)?.replicas ?? null;
  if (node?.batching && replicas !== null) return noDerivation(figure, title, replicas, 'number', BATCHING_NOTE);
  if (!node?.capacity || replicas === null) return noDerivation(figure, title, replicas, 'number', 'No capacity block: unlimited servers, so no replicas to size and no queueing.');
  const at = `${ctx.at(id)}.capacity`;
  const c = capacityInput(node.capacity);
  if (c.replicas !== 'auto') {
    return checkedDerivation(figure, title, replicas, 'number', [{ name: 'Replicas', result: num(replicas, 'number', replicasLabel(replicas)), expr: num(c.replicas, 'number', 'given', { path: `${at}.replicas` }) }]);
  }
  const load = loadSteps(ctx, id);
  if (!load) {
    const min = num(c.minReplicas, 'number', 'min replicas', { path: `${at}.minReplicas` });
    return checkedDerivation(figure, title, replicas, 'number', [{ name: 'Replicas', result: num(replicas, 'number', replicasLabel(replicas)), expr: min }], 'No latency block: no service time to size by, so the minimum.');
  }
  const perReplica = op('x', num(c.concurrency, 'number', 'concurrency', { path: `${at}.concurrency` }), num(c.targetUtilization, 'percent', 'target', { path: `${at}.targetUtilization` }));
  const sized = call('ceil', op('/', load.offered, perReplica));
  const expr = call('max', num(c.minReplicas, 'number', 'min', { path: `${at}.minReplicas` }), sized);
  return checkedDerivation(figure, title, replicas, 'number', [...load.steps, { name: 'Replicas', result: num(replicas, 'number', replicasLabel(replicas)), expr }]);
}

/** Utilization at peak: busy servers / (replicas x concurrency). */
export function explainUtilization(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'utilization' } as const;
  const title = `Utilization of ${quoted(ctx, id)}`;
  const utilization = ctx.figures(id)?.utilization ?? null;
  if (ctx.node(id)?.batching && utilization !== null) return noDerivation(figure, title, utilization, 'percent', BATCHING_NOTE);
  const load = loadSteps(ctx, id);
  if (utilization === null || !load) return noDerivation(figure, title, utilization, 'percent', 'Not modelled: utilization needs both a latency block and a capacity block.');
  const node = ctx.node(id)!;
  const replicas = ctx.figures(id)!.replicas!;
  const servers = op('x', figureTerm(replicas, 'number', replicasLabel(replicas), id, 'replicas'), num(capacityInput(node.capacity!).concurrency, 'number', 'concurrency'));
  const step: Step = { name: 'Utilization at peak', result: num(utilization, 'percent'), expr: op('/', load.offered, servers) };
  const note = utilization >= 1 ? 'Saturated: the servers cannot keep up at peak, so its latency and that of every caller is unbounded.' : undefined;
  return checkedDerivation(figure, title, utilization, 'percent', [...load.steps, step], note);
}
