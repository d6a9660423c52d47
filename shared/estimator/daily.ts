/**
 * A day of traffic and the autoscaler that follows it (docs/estimator.md,
 * section 12): each entry's load follows its daily profile, each "auto" pool
 * is sized for the load it saw `scaleUpDelayS` earlier, and the day gives
 * replica-hours (and the cost from them), the busiest moment and the worst
 * p99 during the ramp.
 */
import type { DailyProfile } from '../model/blocks';
import type { Diagram, DiagramNode } from '../model/schema';
import { batchingUtilization, neededBatchingReplicas } from './batching';
import { capacityInput, neededReplicas, serviceTime } from './queueing';
import { carriesLoad, topologicalOrder } from '../model/graph';
import { passShare, trafficRate } from './rates';
import { round6 } from '../numbers';
import { nodesById } from './nodeIndex';

/** Minutes between the points at which the day is evaluated. */
export const STEP_MINUTES = 5;
const STEPS = (24 * 60) / STEP_MINUTES;
/** Points of the day kept for the chart: every half hour. */
const CHART_EVERY = 6;
export const PROFILE_DEFAULTS = { peakHour: 20, troughShare: 0.3 } as const;

/**
 * The load at `hour` as a share of the peak: a cosine wave from troughShare
 * (12 hours from the peak) to 1 (at peakHour), times the spike's multiplier
 * while it lasts (it may wrap past midnight).
 */
export function profileShare(profile: DailyProfile, hour: number): number {
  const peak = profile.peakHour ?? PROFILE_DEFAULTS.peakHour;
  const trough = profile.troughShare ?? PROFILE_DEFAULTS.troughShare;
  const wave = trough + ((1 - trough) * (1 + Math.cos((2 * Math.PI * (hour - peak)) / 24))) / 2;
  const spike = profile.spike;
  if (!spike) return wave;
  const since = (((hour - spike.hour) % 24) + 24) % 24;
  return since < spike.minutes / 60 ? wave * spike.multiplier : wave;
}

/** One point of a node's day. */
export interface DayPoint {
  hour: number;
  qps: number;
  replicas: number;
  utilization: number;
}

/** What a node does over the day. */
export interface NodeDay {
  /** Replica-hours the day uses. */
  replicaHours: number;
  peakReplicas: number;
  lowestReplicas: number;
  /** The highest utilization of the day and when (hours, UTC). */
  worstUtilization: number;
  worstHour: number;
  /** Every half hour. */
  chart: DayPoint[];
}

/** A pool's sizing rule: replicas for a load, and the utilization they run at. */
interface Pool {
  autoscaled: boolean;
  replicasFor(qps: number): number;
  utilizationAt(qps: number, replicas: number): number;
}

function poolOf(node: DiagramNode): Pool | null {
  if (!node.capacity) return null;
  const capacity = capacityInput(node.capacity);
  const autoscaled = capacity.replicas === 'auto';
  const cap = (r: number) => Math.min(r, capacity.maxReplicas ?? Infinity);
  if (node.batching) {
    const spec = node.batching;
    // The day's load moves a little from one moment to the next: the last answer is where the next search starts.
    let lastNeeded: number | undefined;
    const needed = (qps: number) => (lastNeeded = neededBatchingReplicas(qps, spec, capacity, lastNeeded));
    return {
      autoscaled,
      replicasFor: (qps) => (autoscaled ? cap(needed(qps)) : (capacity.replicas as number)),
      utilizationAt: (qps, replicas) => batchingUtilization(qps, spec, replicas, capacity.concurrency),
    };
  }
  if (!node.latency) return null;
  const service = serviceTime(node.latency.p50Ms, node.latency.p99Ms);
  return {
    autoscaled,
    replicasFor: (qps) => cap(neededReplicas(qps, service, capacity)),
    utilizationAt: (qps, replicas) => ((qps / 1000) * service.meanMs) / (replicas * capacity.concurrency),
  };
}

/** Each entry's part of a node's peak load. */
interface Part {
  entry: DiagramNode;
  peakQps: number;
}

/**
 * Each entry's share of each node's peak load: the rates with only that entry
 * sending (as propagateRates gives them, sum for sum), per node in entry
 * order. Each entry walks only the nodes it reaches, so a design of many
 * entries costs what each one reaches, not entries times nodes.
 */
function contributions(diagram: Diagram, amplification: ReadonlyMap<string, number>, order: readonly string[]): Map<string, Part[]> {
  const nodes = nodesById(diagram.nodes);
  const position = new Map(order.map((id, i) => [id, i]));
  const outgoing = new Map<string, Diagram['edges']>();
  for (const edge of diagram.edges) {
    if (!carriesLoad(edge) || !nodes.has(edge.target)) continue;
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
  }
  const parts = new Map<string, Part[]>();
  for (const entry of diagram.nodes) {
    if (entry.kind !== 'traffic') continue;
    const reached = [entry.id];
    const peakQps = new Map([[entry.id, trafficRate(entry).peak]]);
    for (let i = 0; i < reached.length; i++) {
      for (const edge of outgoing.get(reached[i]!) ?? []) {
        if (peakQps.has(edge.target)) continue;
        peakQps.set(edge.target, 0);
        reached.push(edge.target);
      }
    }
    // Callers first, as propagateRates adds them; a node off the order passes nothing on there either.
    const sources = reached.filter((id) => position.has(id)).sort((a, b) => position.get(a)! - position.get(b)!);
    for (const id of sources) {
      const from = peakQps.get(id)!;
      const share = passShare(nodes.get(id)!);
      for (const edge of outgoing.get(id) ?? []) {
        const calls = (edge.calls ?? 1) * (amplification.get(edge.id) ?? 1);
        peakQps.set(edge.target, peakQps.get(edge.target)! + from * share * calls);
      }
    }
    for (const [id, peak] of peakQps) {
      const list = parts.get(id) ?? [];
      list.push({ entry, peakQps: peak });
      parts.set(id, list);
    }
  }
  return parts;
}

/** Per node, its load at an hour of the day: each entry's part of its peak load, at that entry's share of its peak then. */
function dayLoads(diagram: Diagram, amplification: ReadonlyMap<string, number>, order: readonly string[]): (id: string) => (hour: number) => number {
  const parts = contributions(diagram, amplification, order);
  // Every pool asks the same moments of the day (and the same moments a scale-up delay earlier): each entry's share is worked out once per moment.
  const shares = new Map<DiagramNode, Map<number, number>>();
  const share = (entry: DiagramNode, hour: number) => {
    const profile = entry.traffic?.profile;
    if (!profile) return 1;
    let known = shares.get(entry);
    if (!known) shares.set(entry, (known = new Map()));
    let value = known.get(hour);
    if (value === undefined) known.set(hour, (value = profileShare(profile, hour)));
    return value;
  };
  return (id) => {
    const mine = parts.get(id) ?? [];
    return (hour) => {
      let sum = 0;
      for (const p of mine) sum += p.peakQps * share(p.entry, hour);
      return sum;
    };
  };
}

/** The day of every pool, and the hour the busiest pool is busiest; empty when no entry has a profile. */
export function simulateDay(
  diagram: Diagram,
  amplification: ReadonlyMap<string, number>,
  order: readonly string[] = topologicalOrder(diagram),
): { nodes: Map<string, NodeDay>; worstHour: number | null } {
  const nodes = new Map<string, NodeDay>();
  if (!diagram.nodes.some((n) => n.traffic?.profile)) return { nodes, worstHour: null };
  const loadsOf = dayLoads(diagram, amplification, order);
  let worst = { utilization: -1, hour: 0 };
  for (const node of diagram.nodes) {
    const pool = poolOf(node);
    if (!pool) continue;
    const lagHours = (node.capacity?.scaleUpDelayS ?? 0) / 3600;
    const loadAt = loadsOf(node.id);
    const day: NodeDay = { replicaHours: 0, peakReplicas: 0, lowestReplicas: Infinity, worstUtilization: 0, worstHour: 0, chart: [] };
    for (let step = 0; step < STEPS; step++) {
      const hour = ((step + 0.5) * STEP_MINUTES) / 60;
      const qps = loadAt(hour);
      const replicas = pool.autoscaled ? pool.replicasFor(loadAt(hour - lagHours)) : pool.replicasFor(qps);
      const utilization = pool.utilizationAt(qps, replicas);
      day.replicaHours += (replicas * STEP_MINUTES) / 60;
      day.peakReplicas = Math.max(day.peakReplicas, replicas);
      day.lowestReplicas = Math.min(day.lowestReplicas, replicas);
      if (utilization > day.worstUtilization) day.worstUtilization = utilization, day.worstHour = hour;
      if (step % CHART_EVERY === 0) day.chart.push({ hour, qps, replicas, utilization });
    }
    if (day.worstUtilization > worst.utilization) worst = { utilization: day.worstUtilization, hour: day.worstHour };
    nodes.set(node.id, day);
  }
  return { nodes, worstHour: worst.utilization >= 0 ? worst.hour : null };
}

/**
 * The diagram as it stands at `hour`: each entry's load at its profile's
 * share, each autoscaled pool fixed at the replicas the day gave it then.
 */
export function diagramAt(diagram: Diagram, hour: number, amplification: ReadonlyMap<string, number>, order: readonly string[] = topologicalOrder(diagram)): Diagram {
  const loadsOf = dayLoads(diagram, amplification, order);
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => {
      if (node.kind === 'traffic' && node.traffic?.profile) {
        const factor = profileShare(node.traffic.profile, hour);
        const t = node.traffic;
        return { ...node, traffic: t.qps !== undefined ? { ...t, qps: t.qps * factor } : { ...t, dau: (t.dau ?? 0) * factor } };
      }
      const pool = poolOf(node);
      if (!pool?.autoscaled) return node;
      const lagHours = (node.capacity?.scaleUpDelayS ?? 0) / 3600;
      return { ...node, capacity: { ...node.capacity, replicas: pool.replicasFor(loadsOf(node.id)(hour - lagHours)) } };
    }),
  };
}

/** The day's figures with 6 significant digits. */
export function roundDay(day: NodeDay): NodeDay {
  return {
    ...day, replicaHours: round6(day.replicaHours), worstUtilization: round6(day.worstUtilization), worstHour: round6(day.worstHour),
    chart: day.chart.map((p) => ({ hour: round6(p.hour), qps: round6(p.qps), replicas: p.replicas, utilization: round6(p.utilization) })),
  };
}

/** A node's monthly cost with its compute from the day's replica-hours (x 730 / 24), not from peak replicas around the clock. */
export function costFromDay<C extends { compute: number; storage: number; total: number }>(cost: C, day: NodeDay | undefined, perReplicaMonthUsd: number): C {
  if (!day) return cost;
  // From the replica-hours as reported (6 significant digits), so the figure follows from the figures shown.
  const compute = (perReplicaMonthUsd * round6(day.replicaHours)) / 24;
  return { ...cost, compute, total: compute + cost.storage };
}
