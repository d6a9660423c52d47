import * as z from 'zod';
import { upTo } from './blocks';

/** The seven steps of the ML system design method, in order. */
export const STEP_KEYS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** The lines of the back-of-envelope worksheet, in the order a person works them out. */
export const WORKSHEET_KEYS = ['peakQps', 'storage', 'replicas', 'p99', 'cost'] as const;
export type WorksheetKey = (typeof WORKSHEET_KEYS)[number];

/** The bounds of what a practice session keeps in the document. */
export const PRACTICE_LIMITS = {
  /** Longest interview, ms (three hours). */
  durationMs: 180 * 60_000,
  /** Time used, ms: a day, far beyond any interview (time runs on after the end). */
  elapsedMs: 86_400_000,
  /** Any number written on the worksheet: a quadrillion. */
  worksheetValue: 1e15,
  /** Free-text working on one worksheet line, characters. */
  workingChars: 2000,
  /** Replay events kept; when full, the oldest give way and the replay starts later. */
  replayEvents: 2000,
  /** Changes held by one replay event. */
  replayPatches: 5000,
  /** Depth of one change's path into the document. */
  patchDepth: 32,
} as const;

const worksheetValue = () => upTo(PRACTICE_LIMITS.worksheetValue);

/** One worksheet line: the inputs the person chose, their free-text working, and their result. */
export const WorksheetLineSchema = z.strictObject({
  inputs: z.record(z.string().regex(/^[A-Za-z]{1,40}$/), worksheetValue()).optional(),
  working: z.string().max(PRACTICE_LIMITS.workingChars).optional(),
  result: worksheetValue().optional(),
});

/** What a person did with one step's feedback: asked for it, and which self-check items they ticked. */
export const StepReviewSchema = z.strictObject({
  reviewed: z.boolean(),
  ticked: z.array(z.int().min(0).max(99)).max(100).optional(),
});

/** One change to the document, as immer writes it: add, replace or remove the value at a path. */
export const PatchSchema = z.strictObject({
  op: z.enum(['add', 'replace', 'remove']),
  path: z.array(z.union([z.string().max(200), z.int().min(0)])).max(PRACTICE_LIMITS.patchDepth),
  value: z.unknown().optional(),
});

/** One recorded change of the design: when (practice time), what, and how to take it back. */
export const ReplayEventSchema = z.strictObject({
  atMs: z.int().min(0).max(PRACTICE_LIMITS.elapsedMs),
  patches: z.array(PatchSchema).max(PRACTICE_LIMITS.replayPatches),
  inverse: z.array(PatchSchema).max(PRACTICE_LIMITS.replayPatches),
});

/** A practice interview kept in its document: restored on open, replayable, gradable without the app. */
export const PracticeStateSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{1,64}$/, { error: 'must be a case slug such as "news-feed"' }),
  durationMs: z.int().min(60_000).max(PRACTICE_LIMITS.durationMs),
  elapsedMs: z.int().min(0).max(PRACTICE_LIMITS.elapsedMs),
  guessLocked: z.boolean().optional(),
  worksheetLocked: z.boolean().optional(),
  revealedSteps: z.int().min(0).max(STEP_KEYS.length).optional(),
  finished: z.boolean().optional(),
  worksheet: z.partialRecord(z.enum(WORKSHEET_KEYS), WorksheetLineSchema).optional(),
  steps: z.partialRecord(z.enum(STEP_KEYS), StepReviewSchema).optional(),
  log: z.array(ReplayEventSchema).max(PRACTICE_LIMITS.replayEvents).optional(),
});

export type WorksheetLine = z.infer<typeof WorksheetLineSchema>;
export type StepReview = z.infer<typeof StepReviewSchema>;
export type ReplayEvent = z.infer<typeof ReplayEventSchema>;
export type PracticeState = z.infer<typeof PracticeStateSchema>;

