/**
 * What the replications of a simulation run (replications.ts) share with
 * their hosts, without the simulator itself: how many there are, how the
 * requests and random streams are shared out, and what each one measured.
 */
/**
 * Replications in every run: a constant, not the machine's cores, so a seed
 * gives the same figures on any machine. A power of two (see `replicationStreams`).
 */
export const REPLICATIONS = 2;
/** Batches of each replication's requests for the intervals (20 in all). */
export const BATCHES_PER_REPLICATION = 10;

/** The measured requests of a replication: the run's shared out evenly, the first replications taking one more each where they do not divide. */
export function replicationRequests(requests: number, replication: number): number {
  return Math.floor(requests / REPLICATIONS) + (replication < requests % REPLICATIONS ? 1 : 0);
}

/**
 * The seeds of a replication's two streams (uniform draws, and the normals of
 * service times). Both are Mulberry32 counters, which step by an odd constant
 * through all 2^32 states: a seed d larger starts d / 0x6d2b79f5 (mod 2^32)
 * draws later in the same cycle, so seeds 2^32 / (2 REPLICATIONS) apart, taken
 * times an odd number, start at distinct multiples of that many draws. The
 * uniforms of replication r start at seed + r 2^32 / (2 REPLICATIONS), its
 * normals half the cycle further (seed + 2^31 + the same): with 2
 * replications the four streams lie a quarter of the cycle (2^30 draws) apart,
 * and none reaches the next before a replication has drawn 2^30 times (over 40
 * million requests of 25 visits). Replication 0 draws what a run of one did.
 */
export function replicationStreams(seed: number, replication: number): { uniform: number; normal: number } {
  const spacing = 2 ** 32 / (2 * REPLICATIONS);
  const uniform = seed + replication * spacing;
  return { uniform, normal: uniform + 2 ** 31 };
}

/** What a replication measured, all a merge needs; plain arrays, to pass between threads. */
export interface ReplicationPart {
  replication: number;
  /** Requests measured, and simulated before them (the warm-up). */
  requests: number;
  warmUpRequests: number;
  /** Length of the measurement window, ms. */
  windowMs: number;
  /** Per entry, its measured latencies in ascending order (ms). */
  sorted: Float64Array[];
  /** Per entry, per figure (FIGURES), the figure of each of the replication's consecutive batches. */
  batches: number[][][];
  /** Per node, over the window: visits started, summed service, answers and their summed latency (ms). */
  visits: Float64Array;
  busyMs: Float64Array;
  answers: Float64Array;
  latencySumMs: Float64Array;
}

/** The buffers of a part, to move to another thread rather than copy. */
export function partBuffers(part: ReplicationPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const list of [...part.sorted, part.visits, part.busyMs, part.answers, part.latencySumMs]) buffers.add(list.buffer as ArrayBuffer);
  return [...buffers];
}

/** The share of the whole run done, from each replication's share. */
export function overallProgress(shares: readonly number[]): number {
  return shares.reduce((a, b) => a + b, 0) / REPLICATIONS;
}
