import { holdFleet } from '../estimator/fleet';
import { propagateRates, passShare } from '../estimator/rates';
import type { Diagram, DiagramNode } from '../model/schema';
import { formatMs, formatQps } from '../units';
import { labelOf, planFigures, type PlanFigures, type PlanOptions } from './figures';

/** A part of the design that fails. */
export type Failure =
  | { kind: 'node-down'; node: string }
  | { kind: 'cold-cache'; node: string }
  | { kind: 'replica-lost'; node: string }
  | { kind: 'zone-lost'; zones: number };

/** Zones a design is spread over when a zone loss does not say: the usual three of a cloud region. */
export const DEFAULT_ZONES = 3;

/** Calls that fail under a failure: an edge into a node that is down and names no fallback. */
export interface FailingCalls {
  edge: string;
  from: string;
  to: string;
  /** Calls per second that fail at peak. */
  peakQps: number;
  text: string;
}

export interface FailureResult {
  failure: Failure;
  /** One line: "Ranker down", "Feature cache cold (hit rate 0)". */
  title: string;
  normal: PlanFigures;
  failed: PlanFigures;
  failingCalls: FailingCalls[];
}

/** Failure options: by default the fleet is the one the design has at 1x, since no autoscaler answers a failure at once. */
export interface FailureOptions extends PlanOptions {
  /** Default true. */
  fixedFleet?: boolean;
}

/** A one-line name for a failure. */
export function failureTitle(diagram: Diagram, failure: Failure): string {
  switch (failure.kind) {
    case 'node-down': return `${labelOf(diagram, failure.node)} down`;
    case 'cold-cache': return `${labelOf(diagram, failure.node)} cold (hit rate 0)`;
    case 'replica-lost': return `${labelOf(diagram, failure.node)} loses one replica`;
    case 'zone-lost': return `one zone of ${failure.zones} lost`;
  }
}

function mapNodes(diagram: Diagram, change: (node: DiagramNode) => DiagramNode): Diagram {
  return { ...diagram, nodes: diagram.nodes.map(change) };
}

function withReplicas(node: DiagramNode, replicas: (current: number) => number): DiagramNode {
  if (!node.capacity || !node.latency || typeof node.capacity.replicas !== 'number') return node;
  return { ...node, capacity: { ...node.capacity, replicas: Math.max(0, replicas(node.capacity.replicas)) } };
}

/** The design as it runs under the failure (on a held fleet, the pools' replicas are already numbers). */
export function failedDesign(diagram: Diagram, failure: Failure): Diagram {
  switch (failure.kind) {
    case 'cold-cache':
      return mapNodes(diagram, (n) => (n.id === failure.node && n.cache ? { ...n, cache: { ...n.cache, hitRate: 0 } } : n));
    case 'replica-lost':
      return mapNodes(diagram, (n) => (n.id === failure.node ? withReplicas(n, (r) => r - 1) : n));
    case 'zone-lost':
      return mapNodes(diagram, (n) => withReplicas(n, (r) => r - Math.ceil(r / failure.zones)));
    case 'node-down': {
      const edges = diagram.edges.flatMap((e) => {
        if (e.source === failure.node) return [];
        if (e.target !== failure.node) return [e];
        if (e.fallback === undefined) return [];
        const { fallback, ...rest } = e;
        return [{ ...rest, target: fallback }];
      });
      return { ...diagram, nodes: diagram.nodes.filter((n) => n.id !== failure.node), edges };
    }
  }
}

function failingCalls(diagram: Diagram, failure: Failure, multiplier: number): FailingCalls[] {
  if (failure.kind !== 'node-down') return [];
  const rates = propagateRates(diagram);
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  return diagram.edges
    .filter((e) => e.target === failure.node && e.fallback === undefined && e.mode !== 'offline')
    .map((e) => {
      const peakQps = rates.get(e.source)!.peak * multiplier * passShare(nodes.get(e.source)!) * (e.calls ?? 1);
      const text = `calls from ${labelOf(diagram, e.source)} to ${labelOf(diagram, e.target)} fail: ${formatQps(peakQps)} at peak`;
      return { edge: e.id, from: e.source, to: e.target, peakQps, text };
    });
}

/**
 * The design's figures under one failure beside its normal figures. A node
 * that is down takes its outgoing calls with it; calls into it go to the
 * edge's fallback where it names one, else fail (listed, and left out of the
 * figures: they answer at once, with an error). The fleet stays as sized at
 * the normal load unless `fixedFleet` is false.
 */
export function failureFigures(diagram: Diagram, failure: Failure, options: FailureOptions = {}, multiplier = 1): FailureResult {
  const held = options.fixedFleet ?? true;
  const design = held ? holdFleet(diagram) : diagram;
  const plan = { catalog: options.catalog };
  return failedBeside(diagram, design, failure, planFigures(design, multiplier, plan), plan, multiplier);
}

function failedBeside(diagram: Diagram, design: Diagram, failure: Failure, normal: PlanFigures, plan: PlanOptions, multiplier: number): FailureResult {
  return {
    failure,
    title: failureTitle(diagram, failure),
    normal,
    failed: planFigures(failedDesign(design, failure), multiplier, plan),
    failingCalls: failingCalls(diagram, failure, multiplier),
  };
}

/** Every failure a person can pick for a design: a zone lost, each pool losing one replica, each cache cold, each node down. */
export function failureChoices(diagram: Diagram): Failure[] {
  const pools = diagram.nodes.filter((n) => n.latency && n.capacity);
  return [
    { kind: 'zone-lost', zones: DEFAULT_ZONES },
    ...pools.map((n): Failure => ({ kind: 'replica-lost', node: n.id })),
    ...diagram.nodes.filter((n) => n.cache && n.cache.hitRate > 0).map((n): Failure => ({ kind: 'cold-cache', node: n.id })),
    ...diagram.nodes.filter((n) => n.kind !== 'traffic').map((n): Failure => ({ kind: 'node-down', node: n.id })),
  ];
}

/** The figures under every failure of `failureChoices`, each beside the normal ones, on the fleet sized at 1x. */
export function everyFailure(diagram: Diagram, options: PlanOptions = {}): FailureResult[] {
  const held = holdFleet(diagram);
  const plan = { catalog: options.catalog };
  const normal = planFigures(held, 1, plan);
  return failureChoices(diagram).map((failure) => failedBeside(diagram, held, failure, normal, plan, 1));
}

/** Whether a pool keeps serving within budget after losing one replica. */
export interface ReplicaLossCheck {
  node: string;
  label: string;
  replicas: number;
  survives: boolean;
  /** Worst entry p99 with one replica fewer, ms; null when unbounded. */
  worstP99Ms: number | null;
  /** Why not, where it does not survive. */
  reason?: string;
}

/**
 * For every pool (a node with latency and capacity), the design with that
 * pool one replica short on the fleet sized at 1x: it survives when nothing
 * saturates and the p99 budget, where there is one, still holds.
 */
export function survivesOneReplicaLoss(diagram: Diagram, options: PlanOptions = {}): ReplicaLossCheck[] {
  const held = holdFleet(diagram);
  const limit = diagram.budgets?.p99Ms;
  return held.nodes
    .filter((n) => n.latency && n.capacity)
    .map((n) => {
      const failed = planFigures(failedDesign(held, { kind: 'replica-lost', node: n.id }), 1, { catalog: options.catalog });
      const replicas = typeof n.capacity!.replicas === 'number' ? n.capacity!.replicas : 0;
      const check: ReplicaLossCheck = { node: n.id, label: n.label, replicas, survives: true, worstP99Ms: failed.worstP99Ms };
      if (failed.saturated.length > 0) {
        check.survives = false;
        check.reason = `${failed.saturated.map((id) => labelOf(diagram, id)).join(', ')} saturate${failed.saturated.length === 1 ? 's' : ''}`;
      } else if (limit !== undefined && (failed.worstP99Ms === null || failed.worstP99Ms > limit)) {
        check.survives = false;
        check.reason = `p99 ${formatMs(failed.worstP99Ms)}, over the ${formatMs(limit)} budget`;
      }
      return check;
    });
}
