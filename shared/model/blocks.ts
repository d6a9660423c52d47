import { z } from 'zod';

/** Identifier of nodes, edges and groups: stable across edits, exports and diffs. */
export const IdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, {
  error: 'must start with a letter and hold only letters, digits, "_" or "-" (at most 64 characters)',
});

/** The load entering the system at a traffic node: a peak rate, or users and their habits. */
export const TrafficSchema = z.strictObject({
  qps: z.number().min(0).optional(),
  dau: z.number().min(0).optional(),
  requestsPerUserPerDay: z.number().min(0).optional(),
  peakToAverage: z.number().min(1).optional(),
});

/** A node's own service time, excluding what it waits for downstream. */
export const LatencySchema = z.strictObject({
  p50Ms: z.number().gt(0),
  p99Ms: z.number().gt(0),
});

/** Servers behind a node; absent means unlimited servers (no queueing). */
export const CapacitySchema = z.strictObject({
  replicas: z.union([z.int().min(1), z.literal('auto')]).optional(),
  concurrency: z.int().min(1).optional(),
  targetUtilization: z.number().gt(0).max(1).optional(),
  minReplicas: z.int().min(0).optional(),
});

/** Calls leaving the node happen only on a miss. */
export const CacheSchema = z.strictObject({
  hitRate: z.number().min(0).max(1),
});

/** Data held, either as a total or from item counts and growth. */
export const StorageSchema = z.strictObject({
  bytes: z.number().min(0).optional(),
  items: z.number().min(0).optional(),
  bytesPerItem: z.number().min(0).optional(),
  growthItemsPerDay: z.union([z.number().min(0), z.literal('traffic')]).optional(),
  retentionDays: z.number().min(0).optional(),
  replication: z.number().min(1).optional(),
  compression: z.number().gt(0).optional(),
});

/** Prices: catalog names, or overrides in dollars. */
export const CostSchema = z.strictObject({
  instance: z.string().min(1).optional(),
  hourlyUsd: z.number().min(0).optional(),
  storageClass: z.string().min(1).optional(),
  gbMonthUsd: z.number().min(0).optional(),
});

export const PositionSchema = z.strictObject({ x: z.number(), y: z.number() });

export type Traffic = z.infer<typeof TrafficSchema>;
export type Latency = z.infer<typeof LatencySchema>;
export type Capacity = z.infer<typeof CapacitySchema>;
export type Cache = z.infer<typeof CacheSchema>;
export type Storage = z.infer<typeof StorageSchema>;
export type Cost = z.infer<typeof CostSchema>;
export type Position = z.infer<typeof PositionSchema>;

/** The optional per-node blocks, by the field name they have in a node. */
export type BlockName = 'traffic' | 'latency' | 'capacity' | 'cache' | 'storage' | 'cost';
