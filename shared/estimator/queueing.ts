import { normalCdf, Z99 } from './normal';

/** Log-normal service time fitted to a p50 and a p99, with the moments queueing needs. */
export interface ServiceTime {
  /** Median, ms. */
  p50Ms: number;
  /** Log-scale standard deviation: ln(p99 / p50) / z(0.99). */
  sigma: number;
  /** Mean, ms: exp(mu + sigma^2 / 2). */
  meanMs: number;
  /** Squared coefficient of variation: exp(sigma^2) - 1. */
  cs2: number;
}

/** Fits the log-normal service time of docs/estimator.md, section 2. */
export function serviceTime(p50Ms: number, p99Ms: number): ServiceTime {
  const sigma = Math.log(p99Ms / p50Ms) / Z99;
  return { p50Ms, sigma, meanMs: p50Ms * Math.exp((sigma * sigma) / 2), cs2: Math.expm1(sigma * sigma) };
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with c
 * servers and offered load a (in Erlangs), a < c. Computed through the stable
 * Erlang B recursion B(k) = a B(k-1) / (k + a B(k-1)), then C = B / (1 - rho (1 - B));
 * past EXACT_ERLANG_SERVERS servers B comes from erlangBManyServers, so the
 * cost never grows with the count.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without load the recursion and the many-server form give 0 too; this only saves the work
  if (offeredLoad <= 0) return 0;
  if (!(servers <= EXACT_ERLANG_SERVERS)) return erlangCFromB(erlangBManyServers(servers, offeredLoad), offeredLoad / servers);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return erlangCFromB(b, offeredLoad / servers);
}

/** Servers up to which Erlang C runs the exact recursion; above, its cost would grow with the count. */
export const EXACT_ERLANG_SERVERS = 500;

function erlangCFromB(b: number, rho: number): number {
  return b / (1 - rho * (1 - b));
}

/** rho - 1 - ln(rho), accurate near rho = 1 where both terms cancel. */
function poissonDeviance(rho: number): number {
  const x = rho - 1;
  if (Math.abs(x) < 1e-3) return x * x * (1 / 2 - x / 3 + (x * x) / 4 - (x * x * x) / 5);
  return x - Math.log1p(x);
}

/**
 * Erlang B for many servers in constant time, whatever their count: with N
 * Poisson of mean a, B(c, a) = P(N = c) / P(N <= c). P(N = c) comes from
 * Stirling's series in log space, written as -c (rho - 1 - ln rho) so that
 * nothing cancels for huge c; P(N <= c) = P(chi-square with 2(c + 1) degrees
 * of freedom > 2a), by the Wilson-Hilferty cube-root normal approximation.
 * Against the exact recursion the relative error is under 1e-4 from 200
 * servers up, at every load below saturation. Needs a < c.
 */
export function erlangBManyServers(servers: number, offeredLoad: number): number {
  if (!Number.isFinite(servers)) return 0;
  const c = servers;
  const a = offeredLoad;
  const lnPmf = -c * poissonDeviance(a / c) - 0.5 * Math.log(2 * Math.PI * c) - 1 / (12 * c) + 1 / (360 * c * c * c);
  const k = 2 * (c + 1);
  const v = 2 / (9 * k);
  const z = (Math.cbrt((2 * a) / k) - (1 - v)) / Math.sqrt(v);
  return Math.min(1, Math.exp(lnPmf) / normalCdf(-z));
}

/** How a node's servers are sized and loaded at peak. */
export interface Queueing {
  replicas: number;
  servers: number;
  /** Offered load in Erlangs: peak rate x mean service time. */
  offeredLoad: number;
  utilization: number;
  saturated: boolean;
  /** Probability that a request waits (Erlang C); 0 when saturated. */
  waitProbability: number;
  /** Mean of the wait when a request waits, ms (Allen-Cunneen); Infinity when saturated. */
  waitWhenWaitingMs: number;
  /** Replicas "auto" sizing asks for before `maxReplicas` caps it (the fixed count otherwise). */
  neededReplicas: number;
  /** The node's `maxReplicas`, where it has one. */
  maxReplicas?: number;
  /** shards x qpsPerShard, where the node is shard-bounded: a peak at or above it saturates the node. */
  shardCeilingQps?: number;
}

export interface CapacityInput {
  replicas: number | 'auto';
  concurrency: number;
  targetUtilization: number;
  minReplicas: number;
  /** The most replicas "auto" may size to; absent or Infinity where unlimited. */
  maxReplicas?: number;
  /** Shard count and each shard's highest request rate, where the node is shard-bounded. */
  shards?: number;
  qpsPerShard?: number;
}

/** What an empty capacity block means: "auto" replicas of one request each, sized to 60% busy, at least one, no upper limit. */
export const CAPACITY_DEFAULTS = { replicas: 'auto', concurrency: 1, targetUtilization: 0.6, minReplicas: 1, maxReplicas: Infinity } as const;

/** A node's capacity block with the defaults filled in. */
export function capacityInput(capacity: Partial<CapacityInput>): CapacityInput {
  return {
    replicas: capacity.replicas ?? CAPACITY_DEFAULTS.replicas,
    concurrency: capacity.concurrency ?? CAPACITY_DEFAULTS.concurrency,
    targetUtilization: capacity.targetUtilization ?? CAPACITY_DEFAULTS.targetUtilization,
    minReplicas: capacity.minReplicas ?? CAPACITY_DEFAULTS.minReplicas,
    maxReplicas: capacity.maxReplicas ?? CAPACITY_DEFAULTS.maxReplicas,
    ...(capacity.qpsPerShard !== undefined ? { shards: capacity.shards ?? 1, qpsPerShard: capacity.qpsPerShard } : {}),
  };
}

/** The replicas a capacity block asks for at this load: "auto" sizes to the target utilization, at least minReplicas. */
export function neededReplicas(peakQps: number, service: ServiceTime, capacity: CapacityInput): number {
  if (capacity.replicas !== 'auto') return capacity.replicas;
  const offeredLoad = (peakQps / 1000) * service.meanMs;
  return Math.max(capacity.minReplicas, Math.ceil(offeredLoad / (capacity.concurrency * capacity.targetUtilization) - 1e-9));
}

/**
 * Sizes the servers and computes the M/G/c wait with the Allen-Cunneen
 * correction: with probability ErlangC(c, a) a request waits an exponential
 * time of mean (1 + cs2) / 2 / (c / E[S] - lambda); exact for M/M/c. "auto"
 * replicas stop at maxReplicas; at utilization 1 or more, or a peak at or
 * above a shard-bounded node's shards x qpsPerShard, the node is saturated.
 */
export function queueing(peakQps: number, service: ServiceTime, capacity: CapacityInput): Queueing {
  const lambdaPerMs = peakQps / 1000;
  const offeredLoad = lambdaPerMs * service.meanMs;
  const needed = neededReplicas(peakQps, service, capacity);
  const maxReplicas = capacity.maxReplicas ?? Infinity;
  const replicas = capacity.replicas === 'auto' ? Math.min(needed, maxReplicas) : needed;
  const servers = replicas * capacity.concurrency;
  const utilization = servers > 0 ? offeredLoad / servers : offeredLoad > 0 ? Infinity : 0;
  const limits = {
    neededReplicas: needed,
    ...(Number.isFinite(maxReplicas) ? { maxReplicas } : {}),
    ...(capacity.qpsPerShard !== undefined ? { shardCeilingQps: (capacity.shards ?? 1) * capacity.qpsPerShard } : {}),
  };
  // Not below 1 also catches a load too large to be a number (Infinity / Infinity).
  if (!(utilization < 1) || (limits.shardCeilingQps !== undefined && !(peakQps < limits.shardCeilingQps))) {
    return { replicas, servers, offeredLoad, utilization, saturated: true, waitProbability: 0, waitWhenWaitingMs: Infinity, ...limits };
  }
  const waitProbability = erlangC(servers, offeredLoad);
  const waitWhenWaitingMs = ((1 + service.cs2) / 2) / (servers / service.meanMs - lambdaPerMs);
  return { replicas, servers, offeredLoad, utilization, saturated: false, waitProbability, waitWhenWaitingMs, ...limits };
}
