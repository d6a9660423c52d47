import * as z from 'zod';

/**
 * The largest (and a few smallest) values a diagram may hold. Each is far
 * beyond any real design, so no honest file meets it, but finite, so that no
 * figure overflows and no computation grows with the size of a number. The
 * table in docs/format.md gives the reason for each.
 */
export const LIMITS = {
  /** Peak requests per second at one entry: about 10x all web search traffic on Earth, times 1000. */
  qps: 1e9,
  /** Daily active users: more than people on Earth. */
  dau: 1e10,
  /** Requests per user per day: one every 86 ms, all day. */
  requestsPerUserPerDay: 1e6,
  peakToAverage: 1e3,
  /** Shortest service time, ms (1 ns: the latency grid's first point). */
  minLatencyMs: 1e-6,
  /** Longest service time, ms (one day). */
  maxLatencyMs: 86_400_000,
  /** Replicas, concurrency per replica, minimum replicas. */
  servers: 1e6,
  /** Calls per request on one edge. */
  calls: 1e6,
  /** Stage numbers, either sign. */
  stage: 1e6,
  /** Bytes held by one node: a zettabyte. */
  bytes: 1e21,
  /** Item counts and growth per day. */
  items: 1e15,
  /** Bytes per item, and per edge payload: a terabyte. */
  bytesPerItem: 1e12,
  /** Retention: a century. */
  retentionDays: 36_500,
  replication: 100,
  /** Compression ratio, both ways: 100x smaller to 100x larger. */
  compression: 100,
  /** Any price in dollars per hour or per GB-month. */
  priceUsd: 1e6,
  /** Monthly cost budget, dollars. */
  monthlyCostUsd: 1e12,
  /** Node positions, either sign, in canvas units. */
  position: 1e6,
  /** Viewport offset, either sign. */
  viewport: 1e8,
  minZoom: 0.01,
  maxZoom: 100,
  /** Scenarios one file holds besides the one shown. */
  scenarios: 16,
  /** Characters in a scenario's name. */
  scenarioName: 60,
} as const;

/** A number from 0 to `max`. */
export const upTo = (max: number) => z.number().min(0).max(max);
/** A number from -max to max. */
export const within = (max: number) => z.number().min(-max).max(max);
/** A service time in ms: from 1 ns to a day. */
export const latencyMs = () => z.number().min(LIMITS.minLatencyMs).max(LIMITS.maxLatencyMs);

/** Identifier of nodes, edges and groups: stable across edits, exports and diffs. */
export const IdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
  error: 'must start with a letter and hold only letters, digits, "_" or "-" (at most 64 characters)',
});

/** The load entering the system at a traffic node: a peak rate, or users and their habits. */
/**
 * How an entry's load moves over a day (docs/format.md, "A day of traffic"):
 * a wave peaking at `peakHour` (UTC) with the night at `troughShare` of the
 * peak, and an optional spike multiplying the load for a while.
 */
export const DailyProfileSchema = z.strictObject({
  peakHour: z.number().min(0).max(24).optional(),
  troughShare: z.number().min(0).max(1).optional(),
  spike: z.strictObject({
    hour: z.number().min(0).max(24),
    minutes: z.number().gt(0).max(1440),
    multiplier: z.number().min(1).max(100),
  }).optional(),
});

export const TrafficSchema = z.strictObject({
  qps: upTo(LIMITS.qps).optional(),
  dau: upTo(LIMITS.dau).optional(),
  requestsPerUserPerDay: upTo(LIMITS.requestsPerUserPerDay).optional(),
  peakToAverage: z.number().min(1).max(LIMITS.peakToAverage).optional(),
  profile: DailyProfileSchema.optional(),
});

/** A node's own service time, excluding what it waits for downstream. */
export const LatencySchema = z.strictObject({
  p50Ms: latencyMs(),
  p99Ms: latencyMs(),
});

/** Servers behind a node; absent means unlimited servers (no queueing). */
export const CapacitySchema = z.strictObject({
  replicas: z.union([z.int().min(1).max(LIMITS.servers), z.literal('auto')]).optional(),
  concurrency: z.int().min(1).max(LIMITS.servers).optional(),
  targetUtilization: z.number().gt(0).max(1).optional(),
  minReplicas: z.int().min(0).max(LIMITS.servers).optional(),
  maxReplicas: z.int().min(1).max(LIMITS.servers).optional(),
  /** Seconds from a change of load to the replicas that serve it (autoscaling under a daily profile). */
  scaleUpDelayS: upTo(86_400).optional(),
  shards: z.int().min(1).max(LIMITS.servers).optional(),
  qpsPerShard: z.number().gt(0).max(LIMITS.qps).optional(),
  /** Durable writes per second one shard's primary sustains (a database); default 10,000. */
  writeQpsPerShard: z.number().gt(0).max(LIMITS.qps).optional(),
});

/** Calls leaving the node happen only on a miss. */
export const CacheSchema = z.strictObject({
  hitRate: z.number().min(0).max(1),
});

/** Data held, either as a total or from item counts and growth. */
export const StorageSchema = z.strictObject({
  bytes: upTo(LIMITS.bytes).optional(),
  items: upTo(LIMITS.items).optional(),
  bytesPerItem: upTo(LIMITS.bytesPerItem).optional(),
  growthItemsPerDay: z.union([upTo(LIMITS.items), z.literal('traffic')]).optional(),
  retentionDays: upTo(LIMITS.retentionDays).optional(),
  replication: z.number().min(1).max(LIMITS.replication).optional(),
  compression: z.number().min(1 / LIMITS.compression).max(LIMITS.compression).optional(),
});

/** Prices: catalog names, or overrides in dollars. */
export const CostSchema = z.strictObject({
  instance: z.string().min(1).optional(),
  hourlyUsd: upTo(LIMITS.priceUsd).optional(),
  storageClass: z.string().min(1).optional(),
  gbMonthUsd: upTo(LIMITS.priceUsd).optional(),
});

export const PositionSchema = z.strictObject({ x: within(LIMITS.position), y: within(LIMITS.position) });

export type Traffic = z.infer<typeof TrafficSchema>;
export type DailyProfile = z.infer<typeof DailyProfileSchema>;
export type Latency = z.infer<typeof LatencySchema>;
export type Capacity = z.infer<typeof CapacitySchema>;
export type Cache = z.infer<typeof CacheSchema>;
export type Storage = z.infer<typeof StorageSchema>;
export type Cost = z.infer<typeof CostSchema>;
export type Position = z.infer<typeof PositionSchema>;

/** The optional per-node blocks, by the field name they have in a node. */
export type BlockName = 'traffic' | 'latency' | 'capacity' | 'cache' | 'storage' | 'cost' | 'batching';
