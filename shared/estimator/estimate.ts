import { DEFAULT_CATALOG, type Catalog } from '../catalog';
import { topologicalPositions } from '../model/graph';
import type { Diagram } from '../model/schema';
import { checkStructure } from '../model/structure';
import { batchArrivalDiagnostics, chainDiagnostics } from './approximations';
import { p99Breakdowns } from './breakdown';
import { budgetDiagnostics, queueDiagnostics, reachDiagnostics, structureDiagnostics } from './diagnostics';
import { ceilingDiagnostics } from './ceilings';
import { holdFleet } from './fleet';
import { costFromDay, diagramAt, roundDay, simulateDay } from './daily';
import { busierThanPeak, dayDiagnostics, peakHourOf, worstOfDay } from './dayFigures';
import type { Diagnostic, EntryEstimate, Estimate, NodeEstimate } from './output';
import { CAPACITY_DEFAULTS } from './queueing';
import { solve } from './solve';
import type { PoolRunner } from './poolJobs';
import { latencyById } from './latency';
import type { Dist } from './grid';
import { batchingDiagnostics, batchingFigures, pricedNode, roundFigures, BUSIEST_BATCHING } from './servingFigures';
import { callEstimates, callPolicyDiagnostics } from './callFigures';
import { monthlyCost, storageBytes } from './storage';
import { edgeEnds, knownNumbers, nodeNumbers, withNodeIndex } from './nodeIndex';
import { withGridStep } from './gridPoints';
import { gridStepFor, precisionDiagnostics } from './precision';
import { lint } from '../lint/rules';
import { sharedEdgeNumbers } from '../lint/graphQueries';
import { highest, round6 as round } from '../numbers';

export interface EstimateOptions {
  catalog?: Catalog;
  /** Multiplies every traffic entry's load (the what-if slider); default 1. */
  trafficMultiplier?: number;
  /** Holds every "auto" pool at the replicas it has at 1x while the multiplier moves the load (a fixed fleet); default false. */
  fixedFleet?: boolean;
  /**
   * Figures and capacity diagnostics only: no p99 breakdowns, serving or day
   * details, lint or approximation notes, for callers that estimate many variants (sweeps,
   * sensitivity, failures); default false.
   */
  figuresOnly?: boolean;
  /**
   * Everything but what only the full estimate file carries, for a caller
   * that prints the summary (`mlsd estimate` without --json): no batching
   * figures on the nodes (each pool's queue-delay what-if runs the pool six
   * more times) and no worst moment of the day on the entries (a second
   * solve at that moment). Every other figure and diagnostic is the same;
   * default false.
   */
  summary?: boolean;
  /**
   * Steps of the latency grid, in fine steps (1: the fine grid); default:
   * chosen by the design's size (`gridStepFor`, docs/estimator.md).
   */
  gridStep?: number;
  /**
   * Makes sampled pools' runs beside the estimate (the command line's second
   * thread, poolJobs.ts); the figures are the same with it or without.
   */
  poolRunner?: PoolRunner;
}


function emptyEstimate(diagnostics: Diagnostic[]): Estimate {
  return {
    format: 'mlsd-studio/estimate', version: 1, entries: [], nodes: [],
    totals: { storageBytes: 0, costUsdPerMonth: 0 }, budgets: {}, diagnostics,
  };
}

function scaleTraffic(diagram: Diagram, factor: number): Diagram {
  if (factor === 1) return diagram;
  return {
    ...diagram,
    nodes: diagram.nodes.map((n) => {
      const t = n.traffic;
      if (!t) return n;
      return { ...n, traffic: t.qps !== undefined ? { ...t, qps: t.qps * factor } : { ...t, dau: (t.dau ?? 0) * factor } };
    }),
  };
}

/**
 * Estimates a diagram (docs/estimator.md): rates, servers, utilization, latency
 * distributions, storage, monthly cost, budgets and diagnostics. Pure and
 * deterministic: the same diagram gives the same figures, byte for byte.
 */
export function estimate(input: Diagram, options: EstimateOptions = {}): Estimate {
  // Every pass looks nodes up by id: one index per list of nodes, for the whole estimate,
  // and the edges over node numbers once for the reach diagnostics and the lint.
  const step = options.gridStep ?? gridStepFor(input);
  return withNodeIndex(() => withGridStep(step, () => sharedEdgeNumbers(() => estimateIndexed(input, options, step))));
}

function estimateIndexed(input: Diagram, options: EstimateOptions, gridStep: number): Estimate {
  const catalog = options.catalog ?? DEFAULT_CATALOG;
  const problems = checkStructure(input, catalog);
  if (problems.length > 0) return emptyEstimate(structureDiagnostics(input, problems));
  const diagram = scaleTraffic(options.fixedFleet ? holdFleet(input) : input, options.trafficMultiplier ?? 1);

  // Ids are unique here (the structure was checked), so each id's node number is its first position too.
  // Over node numbers (edgeEnds), so each id's place in the order is its node number: the passes that walk it by number look none up.
  const { ids: order, positions } = topologicalPositions(diagram, { firstIndex: nodeNumbers(diagram.nodes), ends: edgeEnds(diagram) });
  knownNumbers(diagram.nodes, order, positions);
  const solution = solve(diagram, order, options.poolRunner);
  const { rates, queues, runs, modelled } = solution;
  const day = simulateDay(diagram, solution.amplification, order);
  const dayWorst = day.worstHour === null || options.figuresOnly || options.summary ? null : { hour: day.worstHour, solution: busierThanPeak(day.nodes, modelled) ? solve(diagramAt(diagram, day.worstHour, solution.amplification, order), order, options.poolRunner) : solution };
  const entryNodes = diagram.nodes.filter((n) => n.kind === 'traffic');
  const entryIds = entryNodes.map((n) => n.id);
  const breakdowns = options.figuresOnly ? new Map<string, never[]>() : p99Breakdowns(entryIds, solution.numbered, order);

  // Each node is its own number (ids are unique): its figures by number, not looked up by id.
  const { rateOf, modelledOf, numbered } = solution;
  const nodes: NodeEstimate[] = diagram.nodes.map((node, v) => {
    const rate = rateOf[v]!;
    const queue = modelledOf[v];
    const replicas = queue?.replicas ?? (node.capacity ? fixedReplicas(node.capacity) : null);
    const bytes = storageBytes(node, rate.avg);
    const nodeDay = day.nodes.get(node.id);
    const priced = pricedNode(node, catalog);
    const atPeak = monthlyCost(priced, replicas ?? 1, bytes, catalog);
    // A replica's price matters only where the day sets the replica-hours.
    const cost = nodeDay ? costFromDay(atPeak, nodeDay, monthlyCost(priced, 1, 0, catalog).compute) : atPeak;
    const total = numbered.of[v]!.total;
    const run = runs.get(node.id);
    const item: NodeEstimate = {
      id: node.id,
      qps: { peak: rate.peak, avg: rate.avg },
      replicas,
      utilization: queue ? round(run && !run.saturated ? Math.min(queue.utilization, BUSIEST_BATCHING) : queue.utilization) : null,
      latencyMs: total ? nodeLatencyFigures(total) : null,
      storageBytes: bytes,
      costUsdPerMonth: cost,
    };
    // Added after, in this order (the file lists them so), not spread in: a spread copies an object per node.
    if (run && !options.figuresOnly && !options.summary) item.batching = roundFigures(batchingFigures(node, run, rate.peak, catalog));
    if (nodeDay && !options.figuresOnly) item.day = roundDay(nodeDay);
    return item;
  });

  const entries: EntryEstimate[] = entryNodes.map((entry) => {
    const id = entry.id;
    const rate = rates.get(id)!;
    const total = latencyById(solution.numbered, id)!.total;
    return {
      node: id,
      qps: { peak: rate.peak, avg: rate.avg },
      latencyMs: total ? entryLatencyFigures(total) : null,
      p99Breakdown: (breakdowns.get(id) ?? []).map((item) => ({ node: item.node, ms: round(item.ms) })),
      ...(dayWorst ? { day: worstOfDay(total, latencyById(dayWorst.solution.numbered, id)!.total, dayWorst.hour, peakHourOf(entry)) } : {}),
    };
  });

  const totalStorage = nodes.reduce((sum, n) => sum + n.storageBytes, 0);
  const totalCost = nodes.reduce((sum, n) => sum + n.costUsdPerMonth.total, 0);
  const entryP99 = entries.map((e) => ({ node: e.node, p99Ms: e.latencyMs?.p99 ?? null }));
  const budgets: Estimate['budgets'] = {};
  if (diagram.budgets?.p99Ms !== undefined) {
    const unbounded = entryP99.some((e) => e.p99Ms === null);
    const worst = unbounded ? null : Math.max(0, highest(entryP99.map((e) => e.p99Ms!)));
    budgets.p99Ms = { limit: diagram.budgets.p99Ms, actual: worst, ok: worst !== null && worst <= diagram.budgets.p99Ms };
  }
  if (diagram.budgets?.monthlyCostUsd !== undefined) {
    const limit = diagram.budgets.monthlyCostUsd;
    budgets.monthlyCostUsd = { limit, actual: totalCost, ok: totalCost <= limit };
  }

  const capacityDiagnostics = [
    ...queueDiagnostics(diagram, queues, (id) => rates.get(id)!.peak),
    ...batchingDiagnostics(diagram, runs, (id) => rates.get(id)!.peak),
    ...callPolicyDiagnostics(diagram, solution),
    ...dayDiagnostics(diagram, day.nodes),
  ];
  const diagnostics = options.figuresOnly ? capacityDiagnostics : [
    ...capacityDiagnostics,
    ...batchArrivalDiagnostics(diagram, queues, solution.sampled),
    ...chainDiagnostics(diagram, queues, solution.sampled),
    ...ceilingDiagnostics(diagram, nodes, rates, catalog),
    ...budgetDiagnostics(diagram, entryP99, totalCost, nodes),
    ...reachDiagnostics(diagram),
    ...precisionDiagnostics(diagram, gridStep),
    ...lint(diagram, { entries }),
  ];
  return {
    format: 'mlsd-studio/estimate',
    version: 1,
    entries,
    nodes,
    totals: { storageBytes: totalStorage, costUsdPerMonth: totalCost },
    budgets,
    diagnostics,
    ...(solution.policies.size > 0 ? { calls: callEstimates(diagram, solution) } : {}),
  };
}

/** Shares of requests whose latency a node's figures and an entry's give. */
const NODE_SHARES = [0.5, 0.99];
const ENTRY_SHARES = [0.5, 0.9, 0.99, 0.999];
/** The mean and quantiles of one latency, reused from one node to the next. */
const figures = new Float64Array(1 + ENTRY_SHARES.length);

/** A node's mean, p50 and p99 in ms. */
function nodeLatencyFigures(total: Dist): NonNullable<NodeEstimate['latencyMs']> {
  total.meanAndQuantiles(NODE_SHARES, figures);
  return { mean: round(figures[0]!), p50: round(figures[1]!), p99: round(figures[2]!) };
}

/** An entry's mean, p50, p90, p99 and p999 in ms. */
function entryLatencyFigures(total: Dist): NonNullable<EntryEstimate['latencyMs']> {
  total.meanAndQuantiles(ENTRY_SHARES, figures);
  return { mean: round(figures[0]!), p50: round(figures[1]!), p90: round(figures[2]!), p99: round(figures[3]!), p999: round(figures[4]!) };
}

function fixedReplicas(capacity: NonNullable<Diagram['nodes'][number]['capacity']>): number {
  return capacity.replicas === undefined || capacity.replicas === 'auto' ? (capacity.minReplicas ?? CAPACITY_DEFAULTS.minReplicas) : capacity.replicas;
}
