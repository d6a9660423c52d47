import { blueprint } from '../../shared/blueprints';
import { PRACTICE_LIMITS, type PracticeState } from '../../shared/model/practiceSchema';
import type { Diagram } from '../../shared/model/schema';
import type { PracticeSession } from '../state/store';

/** A practice session as its document saved it, its clock paused at the time it had used. */
export function sessionFromDocument(doc: Diagram, nowMs: number): PracticeSession | null {
  const saved = doc.practice;
  if (!saved) return null;
  return {
    slug: saved.slug,
    title: blueprint(saved.slug)?.title ?? saved.slug,
    prompt: doc.brief?.prompt ?? '',
    durationMs: saved.durationMs,
    startedAtMs: nowMs - saved.elapsedMs,
    pausedAtMs: nowMs,
    pausedTotalMs: 0,
    guessLocked: saved.guessLocked ?? false,
    revealedSteps: saved.revealedSteps ?? 0,
    finished: saved.finished ?? false,
  };
}

/** How far a saved clock may lag behind the running one before the document is brought up to date, ms. */
export const CLOCK_SAVE_MS = 10_000;

/**
 * The session's fields as the document keeps them, or null when the document
 * already holds them (its clock within `CLOCK_SAVE_MS`, exact once paused).
 */
export function sessionChanges(saved: PracticeState, session: PracticeSession, elapsedMs: number): Partial<PracticeState> | null {
  const clock = Math.min(PRACTICE_LIMITS.elapsedMs, Math.round(elapsedMs));
  const flags = { guessLocked: session.guessLocked, revealedSteps: session.revealedSteps, finished: session.finished, durationMs: session.durationMs };
  const flagsDiffer = (Object.keys(flags) as (keyof typeof flags)[]).some((k) => (saved[k] ?? (k === 'revealedSteps' ? 0 : false)) !== flags[k]);
  const clockDiffers = session.pausedAtMs !== null || session.finished ? clock !== saved.elapsedMs : Math.abs(clock - saved.elapsedMs) >= CLOCK_SAVE_MS;
  return flagsDiffer || clockDiffers ? { ...flags, elapsedMs: clock } : null;
}
