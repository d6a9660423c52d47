import { blueprint } from '../../shared/blueprints';
import type { InterviewState } from '../../shared/live/interview';
import type { Role } from '../../shared/live/room';
import type { Diagram } from '../../shared/model/schema';
import type { EditorStore, PracticeSession } from '../state/store';

/** Default length of an interview in a room. */
export const INTERVIEW_MINUTES = 45;

/**
 * The practice session an interview in a room gives each side: the same case
 * and clock for both; the candidate's figures stay hidden until their own
 * estimate is in, the interviewer sees them as they appear.
 */
export function practiceOf(interview: InterviewState, role: Role, current: PracticeSession | null): PracticeSession | null {
  if (interview.startedAtMs === null || interview.slug === null) return null;
  const finished = interview.endedAtMs !== null;
  return {
    slug: interview.slug,
    title: interview.title,
    prompt: interview.prompt,
    durationMs: interview.durationMs,
    startedAtMs: interview.startedAtMs,
    pausedAtMs: finished ? interview.endedAtMs : null,
    pausedTotalMs: 0,
    guessLocked: role === 'interviewer' || (current?.slug === interview.slug && current.guessLocked),
    revealedSteps: current?.slug === interview.slug ? current.revealedSteps : 0,
    finished,
  };
}

/** The fields of an interview on a case, and the empty canvas it starts from (carrying the question and budgets). */
export function interviewStart(slug: string, nowMs: number, minutes = INTERVIEW_MINUTES): { interview: Partial<InterviewState>; canvas: (draft: Diagram) => void } | null {
  const reference = blueprint(slug);
  if (!reference) return null;
  const prompt = reference.brief?.prompt ?? reference.title;
  return {
    interview: { slug, title: reference.title, prompt, startedAtMs: nowMs, endedAtMs: null, durationMs: minutes * 60_000 },
    canvas: (draft) => {
      draft.title = `Interview: ${reference.title}`;
      draft.nodes = [];
      draft.edges = [];
      draft.annotations = [];
      draft.groups = [{ id: 'online', label: 'Online serving' }, { id: 'offline', label: 'Offline pipelines' }];
      draft.brief = { prompt, steps: {} };
      if (reference.budgets) draft.budgets = { ...reference.budgets };
      else delete draft.budgets;
    },
  };
}

/** Keeps the store's practice session in step with the room's interview; the graded summary opens on both sides when it ends. */
export function followInterview(store: EditorStore, interview: InterviewState, role: Role): void {
  const current = store.getState().practice;
  const next = practiceOf(interview, role, current);
  if (JSON.stringify(next) === JSON.stringify(current)) return;
  const ended = next?.finished && !current?.finished;
  const started = next && (!current || current.slug !== next.slug || current.startedAtMs !== next.startedAtMs);
  store.set({
    practice: next,
    ...(started ? { sidePanel: 'practice' as const } : {}),
    ...(ended ? { dialog: 'compare' as const, notice: 'The interview has ended: here is the graded summary.' } : {}),
  });
}
