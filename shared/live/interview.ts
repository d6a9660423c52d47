import type * as Y from 'yjs';

/**
 * The `interview` document of a room (the interviewer writes it, the
 * candidate reads it): which case, when it started and for how long, the
 * current step. The timer is computed by each client from the start time,
 * never ticked over the wire.
 */
export interface InterviewState {
  /** The case's blueprint slug, or null for a blank canvas. */
  slug: string | null;
  title: string;
  prompt: string;
  /** When the interview started (ms since 1970), or null before it starts. */
  startedAtMs: number | null;
  durationMs: number;
  /** The step being discussed. */
  step: string | null;
  /** When the interviewer ended the interview, or null while it runs. */
  endedAtMs: number | null;
}

const EMPTY: InterviewState = { slug: null, title: '', prompt: '', startedAtMs: null, durationMs: 45 * 60_000, step: null, endedAtMs: null };

/** The interview as the document holds it (fields of the wrong type read as unset). */
export function readInterview(ydoc: Y.Doc): InterviewState {
  const map = ydoc.getMap<unknown>('interview');
  const text = (key: string, fallback: string) => (typeof map.get(key) === 'string' ? (map.get(key) as string).slice(0, 4000) : fallback);
  const time = (key: string) => (typeof map.get(key) === 'number' && Number.isFinite(map.get(key)) ? (map.get(key) as number) : null);
  const duration = time('durationMs');
  return {
    slug: typeof map.get('slug') === 'string' ? (map.get('slug') as string) : null,
    title: text('title', EMPTY.title),
    prompt: text('prompt', EMPTY.prompt),
    startedAtMs: time('startedAtMs'),
    durationMs: duration !== null && duration > 0 && duration <= 4 * 3_600_000 ? duration : EMPTY.durationMs,
    step: typeof map.get('step') === 'string' ? (map.get('step') as string) : null,
    endedAtMs: time('endedAtMs'),
  };
}

/** Writes interview fields (the interviewer's side). */
export function writeInterview(ydoc: Y.Doc, patch: Partial<InterviewState>): void {
  const map = ydoc.getMap<unknown>('interview');
  ydoc.transact(() => {
    for (const [key, value] of Object.entries(patch)) map.set(key, value ?? null);
  });
}

/** Time left at `nowMs`, in ms (negative once over), or null before the start. */
export function remainingMs(interview: InterviewState, nowMs: number): number | null {
  if (interview.startedAtMs === null) return null;
  const end = interview.endedAtMs ?? nowMs;
  return interview.durationMs - (end - interview.startedAtMs);
}

/** `mm:ss` (or `-mm:ss` once over time). */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
