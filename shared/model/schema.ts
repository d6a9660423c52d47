import * as z from 'zod';
import { KIND_IDS } from '../kinds';
import {
  CacheSchema, CapacitySchema, CostSchema, IdSchema, LatencySchema, LIMITS, PositionSchema, StorageSchema, TrafficSchema,
  latencyMs, upTo, within,
} from './blocks';
import { BatchingSchema, HedgeSchema, RetrySchema } from './serving';
import { PracticeStateSchema, STEP_KEYS, type StepKey } from './practiceSchema';

/** The `format` string every diagram file carries. */
export const DIAGRAM_FORMAT = 'mlsd-studio/diagram';
/** The format version this build reads and writes. */
export const CURRENT_VERSION = 1;

export { STEP_KEYS, type StepKey } from './practiceSchema';

export const NodeSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(KIND_IDS),
  label: z.string().min(1).max(120),
  position: PositionSchema.optional(),
  group: z.string().optional(),
  notes: z.string().optional(),
  traffic: TrafficSchema.optional(),
  latency: LatencySchema.optional(),
  capacity: CapacitySchema.optional(),
  cache: CacheSchema.optional(),
  storage: StorageSchema.optional(),
  cost: CostSchema.optional(),
  batching: BatchingSchema.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const EDGE_MODES = ['sync', 'async', 'offline'] as const;

/** An edge's drawn route, written by auto layout: orthogonal points from the caller's box to the callee's, and its caption's top-left corner. */
export const RouteSchema = z.strictObject({
  points: z.array(PositionSchema).min(2).max(1000),
  label: PositionSchema.optional(),
});

export const EdgeSchema = z.strictObject({
  id: IdSchema,
  source: z.string(),
  target: z.string(),
  mode: z.enum(EDGE_MODES).optional(),
  calls: z.number().gt(0).max(LIMITS.calls).optional(),
  fanout: z.enum(['parallel', 'sequential']).optional(),
  stage: z.int().min(-LIMITS.stage).max(LIMITS.stage).optional(),
  label: z.string().optional(),
  payloadBytes: upTo(LIMITS.bytesPerItem).optional(),
  retry: RetrySchema.optional(),
  hedge: HedgeSchema.optional(),
  /** The node called instead when the target is down (a failure scenario); the normal figures ignore it. */
  fallback: z.string().optional(),
  route: RouteSchema.optional(),
});

export const GroupSchema = z.strictObject({
  id: IdSchema,
  label: z.string().min(1).max(120),
});

/** The two looks of a free annotation: a yellow sticky note, or plain text. */
export const ANNOTATION_KINDS = ['note', 'text'] as const;

/** Free text on the canvas: saved and exported with the diagram, never read by the estimator or the linter. */
export const AnnotationSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(ANNOTATION_KINDS),
  text: z.string().min(1).max(2000),
  position: PositionSchema,
  width: z.number().min(40).max(2000).optional(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour such as "#fde68a"' }).optional(),
});

/** The figures a person wrote down themselves while practising, before seeing the model's. */
export const PracticeEstimateSchema = z.strictObject({
  peakQps: z.number().min(0).optional(),
  p99Ms: z.number().min(0).optional(),
  storageGb: z.number().min(0).optional(),
});

export const BriefSchema = z.strictObject({
  prompt: z.string().optional(),
  steps: z.strictObject(Object.fromEntries(STEP_KEYS.map((k) => [k, z.string().optional()])) as Record<
    StepKey,
    z.ZodOptional<z.ZodString>
  >).optional(),
  assumptions: z.string().optional(),
  estimate: PracticeEstimateSchema.optional(),
});

export const BudgetsSchema = z.strictObject({
  p99Ms: latencyMs().optional(),
  monthlyCostUsd: upTo(LIMITS.monthlyCostUsd).optional(),
});

/** A scenario's name: "baseline", "add a cache", "GPU ranker". */
export const ScenarioNameSchema = z
  .string()
  .min(1)
  .max(LIMITS.scenarioName)
  .regex(/^\S(?:.*\S)?$/, { message: 'must not be blank or start or end with a space' });

/** Another variant of the same design, kept in the file beside the one shown: its own graph, groups and notes. */
export const ScenarioSchema = z.strictObject({
  name: ScenarioNameSchema,
  groups: z.array(GroupSchema).optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  annotations: z.array(AnnotationSchema).max(1000).optional(),
});

export const DiagramSchema = z.strictObject({
  format: z.literal(DIAGRAM_FORMAT),
  version: z.literal(CURRENT_VERSION),
  title: z.string().min(1).max(200),
  description: z.string().optional(),
  budgets: BudgetsSchema.optional(),
  brief: BriefSchema.optional(),
  groups: z.array(GroupSchema).optional(),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  annotations: z.array(AnnotationSchema).max(1000).optional(),
  practice: PracticeStateSchema.optional(),
  viewport: z
    .strictObject({ x: within(LIMITS.viewport), y: within(LIMITS.viewport), zoom: z.number().min(LIMITS.minZoom).max(LIMITS.maxZoom) })
    .optional(),
  /** The name of the variant the top-level graph is, when the file holds scenarios ("baseline" if absent). */
  scenario: ScenarioNameSchema.optional(),
  /** The other variants of the design. */
  scenarios: z.array(ScenarioSchema).max(LIMITS.scenarios).optional(),
  /** Where the variant shown stands in the scenarios' order (0 first, the default); the others keep their order in `scenarios`. */
  scenarioIndex: z.int().min(0).max(LIMITS.scenarios).optional(),
});

export type DiagramNode = z.infer<typeof NodeSchema>;
export type DiagramEdge = z.infer<typeof EdgeSchema>;
export type Annotation = z.infer<typeof AnnotationSchema>;
export type Brief = z.infer<typeof BriefSchema>;
export type PracticeEstimate = z.infer<typeof PracticeEstimateSchema>;
export type Budgets = z.infer<typeof BudgetsSchema>;
export type Diagram = z.infer<typeof DiagramSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
export type { Position } from './blocks';
