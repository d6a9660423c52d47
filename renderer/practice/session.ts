import { blueprint, BLUEPRINT_SLUGS } from '../../shared/blueprints';
import type { AppContext } from '../app/context';
import { confirmDiscard } from '../app/documentIO';
import { emptyDiagram } from '../state/commands';

/** Default length of a practice interview. */
export const DEFAULT_MINUTES = 45;

/** A case chosen at random (for "surprise me"). */
export function randomCase(random: () => number = Math.random): string {
  return BLUEPRINT_SLUGS[Math.floor(random() * BLUEPRINT_SLUGS.length)]!;
}

/**
 * Starts practising a case: an empty canvas carrying the question, the timer
 * running, and the figures hidden until the person has estimated themselves.
 */
export async function startPractice(ctx: AppContext, slug: string, minutes: number, nowMs = Date.now()): Promise<boolean> {
  const reference = blueprint(slug);
  if (!reference || !(await confirmDiscard(ctx))) return false;
  const doc = emptyDiagram(`Practice: ${reference.title}`);
  doc.brief = { prompt: reference.brief?.prompt ?? reference.title, steps: {} };
  if (reference.budgets) doc.budgets = { ...reference.budgets };
  doc.practice = { slug, durationMs: minutes * 60_000, elapsedMs: 0 };
  ctx.store.load(doc, { name: `practice-${slug}.mlsd.json`, ref: null });
  ctx.store.set({
    dialog: null,
    sidePanel: 'practice',
    practice: {
      slug, title: reference.title, prompt: doc.brief.prompt!, durationMs: minutes * 60_000, startedAtMs: nowMs,
      pausedAtMs: null, pausedTotalMs: 0, guessLocked: false, revealedSteps: 0, finished: false,
    },
  });
  return true;
}
