import * as z from 'zod';
import { LIMITS, latencyMs, upTo } from './blocks';

/** Bounds of the serving blocks (docs/format.md, "Serving"). */
export const SERVING_LIMITS = {
  /** Largest batch a model server may form: far beyond any GPU's memory. */
  batchSize: 65_536,
  /** Rows of a measured batch-latency table, and preferred batch sizes listed. */
  tableRows: 32,
  /** GPUs in one replica: the largest single machines hold 16. */
  gpusPerReplica: 64,
  /** Retries after the first attempt of one call. */
  retries: 10,
  /** Growth of the backoff between retries. */
  backoffMultiplier: 10,
} as const;

const batchSize = () => z.int().min(1).max(SERVING_LIMITS.batchSize);

/** One measured point of a batch-latency table: a batch of `size` takes `ms`. */
export const BatchPointSchema = z.strictObject({ size: batchSize(), ms: latencyMs() });

/**
 * Dynamic batching on a model server, configured the way Triton's dynamic
 * batcher is: requests wait up to `maxQueueDelayMs` to form a batch of at most
 * `maxBatchSize`; a batch of b items runs in fixedMs + perItemMs x b, or as the
 * measured `table` says.
 */
export const BatchingSchema = z.strictObject({
  maxBatchSize: batchSize(),
  maxQueueDelayMs: upTo(LIMITS.maxLatencyMs),
  preferredBatchSizes: z.array(batchSize()).min(1).max(SERVING_LIMITS.tableRows).optional(),
  fixedMs: upTo(LIMITS.maxLatencyMs).optional(),
  perItemMs: upTo(LIMITS.maxLatencyMs).optional(),
  table: z.array(BatchPointSchema).min(1).max(SERVING_LIMITS.tableRows).optional(),
  gpusPerReplica: z.int().min(1).max(SERVING_LIMITS.gpusPerReplica).optional(),
  /** A catalog instance type that holds GPUs; its price per GPU prices the replica. */
  gpu: z.string().min(1).optional(),
});

/** Retries and a timeout on a call: each attempt fails with a probability or runs past the timeout. */
export const RetrySchema = z.strictObject({
  failureProbability: z.number().min(0).max(1).optional(),
  retries: z.int().min(0).max(SERVING_LIMITS.retries).optional(),
  timeoutMs: latencyMs().optional(),
  backoffMs: upTo(LIMITS.maxLatencyMs).optional(),
  backoffMultiplier: z.number().min(1).max(SERVING_LIMITS.backoffMultiplier).optional(),
});

/** A hedged call: a second copy goes out when the first has not answered after a delay; the first answer wins. */
export const HedgeSchema = z.strictObject({
  afterMs: latencyMs().optional(),
  /** The delay as a percentile of the callee's own latency (default 0.95). */
  afterPercentile: z.number().min(0.5).max(0.999).optional(),
});

export type Batching = z.infer<typeof BatchingSchema>;
export type Retry = z.infer<typeof RetrySchema>;
export type Hedge = z.infer<typeof HedgeSchema>;
